// Workspace settings: members and roles, the rating scale, API tokens, feeds, and for admins webhooks and the audit log.
import { Stack, Tabs, Title } from '@mantine/core';
import { ADMINS } from '@claimdesk/domain';
import { useSearchParams } from 'react-router';
import { hasRole, useAuth } from '../../auth';
import { AuditLogSettings } from './AuditLogSettings';
import { FeedsSettings } from './FeedsSettings';
import { MembersSettings } from './MembersSettings';
import { RatingScaleSettings } from './RatingScaleSettings';
import { TokensSettings } from './TokensSettings';
import { WebhooksSettings } from './WebhooksSettings';

export default function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const { me } = useAuth();
  const admin = hasRole(me, ADMINS);
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
          {admin && <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>}
          {admin && <Tabs.Tab value="audit">Audit log</Tabs.Tab>}
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
        {admin && (
          <Tabs.Panel value="webhooks" pt="md">
            <WebhooksSettings />
          </Tabs.Panel>
        )}
        {admin && (
          <Tabs.Panel value="audit" pt="md">
            <AuditLogSettings />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
