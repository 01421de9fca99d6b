// Workspace settings: members and roles, the rating scale, API tokens, feeds.
import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { FeedsSettings } from './FeedsSettings';
import { MembersSettings } from './MembersSettings';
import { RatingScaleSettings } from './RatingScaleSettings';
import { TokensSettings } from './TokensSettings';

export default function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'members';
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'members' }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="ratings">Rating scale</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="feeds">Feeds</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersSettings />
        </Tabs.Panel>
        <Tabs.Panel value="ratings" pt="md">
          <RatingScaleSettings />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensSettings />
        </Tabs.Panel>
        <Tabs.Panel value="feeds" pt="md">
          <FeedsSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
