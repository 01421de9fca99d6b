// Beside the text: how to add a claim, the legend, and the claims the latest revision could not place.
import { Badge, Paper, Stack, Text } from '@mantine/core';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { StatusBadge } from '../../../lib/StatusBadge';
import { ReaderLegend } from './ReaderLegend';

export function ReaderAside({ orphans, hidden, onOpen }: { orphans: readonly ReaderClaimDto[]; hidden: boolean; onOpen(claimId: string): void }) {
  return (
    <Stack component="aside" aria-label="About this article" w={280} gap="lg" style={{ flexShrink: 0, position: 'sticky', top: 70, display: hidden ? 'none' : undefined }}>
      <Text size="xs" c="dimmed">
        Select any passage to add it as a claim. Press <b>?</b> for keyboard shortcuts.
      </Text>
      <ReaderLegend />
      <Stack gap={6} component="section" aria-label="Orphaned claims">
        <Text fw={600} size="sm">
          Orphaned claims{' '}
          {orphans.length > 0 && (
            <Badge color="red" size="sm">
              {orphans.length}
            </Badge>
          )}
        </Text>
        {orphans.length === 0 ? (
          <Text size="xs" c="dimmed">
            None: every claim is placed in this revision.
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              These claims could not be found in the latest revision. Their work is kept.
            </Text>
            {orphans.map((c) => (
              <Paper key={c.id} withBorder p={6} component="button" type="button" onClick={() => onOpen(c.id)} style={{ textAlign: 'left', cursor: 'pointer', background: 'white' }}>
                <StatusBadge status={c.status} size="xs" />
                <Text size="xs" mt={2} lineClamp={3}>
                  {c.text}
                </Text>
              </Paper>
            ))}
          </>
        )}
      </Stack>
    </Stack>
  );
}
