// The quick look shown while the pointer rests on a claim: status, score and the reasons it was detected.
import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { formatScore } from '../../../lib/format';
import { StatusBadge } from '../../../lib/StatusBadge';

export function ClaimHoverCard({ claim, rect, overlapping }: { claim: ReaderClaimDto; rect: DOMRect; overlapping: number }) {
  const top = rect.bottom + 8 + 160 > window.innerHeight ? Math.max(8, rect.top - 168) : rect.bottom + 8;
  return (
    <Paper className="cd-hover-card" withBorder shadow="md" p="xs" radius="sm" style={{ top, left: Math.min(rect.left, window.innerWidth - 380) }} role="tooltip">
      <Group gap={6} mb={4}>
        <StatusBadge status={claim.status} size="xs" />
        {claim.checkedBefore && (
          <Badge size="xs" color="teal">
            Checked before
          </Badge>
        )}
        <Text size="xs" fw={600}>
          Score {formatScore(claim.score)}
          {claim.checkWorthy ? ' · check-worthy' : ''}
        </Text>
      </Group>
      {claim.reasons.slice(0, 4).map((r, i) => (
        <Text key={i} size="xs">
          • {r}
        </Text>
      ))}
      {claim.cues.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          Cues: {claim.cues.map((c) => `${c.type} “${c.text}”`).join(', ')}
        </Text>
      )}
      {overlapping > 1 && (
        <Text size="xs" c="dimmed" mt={2}>
          {overlapping} claims overlap here; j / k steps through them.
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={2}>
        Click to open
      </Text>
    </Paper>
  );
}
