import { Badge } from '@mantine/core';
import type { ClaimStatus, VerdictState } from '@claimdesk/domain';
import { STATUS_COLORS, STATUS_LABELS, VERDICT_STATE_COLORS, VERDICT_STATE_LABELS } from './claimStatus';

export function StatusBadge({ status, size = 'sm' }: { status: ClaimStatus; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function VerdictStateBadge({ state }: { state: VerdictState }) {
  return (
    <Badge color={VERDICT_STATE_COLORS[state]} variant="outline" size="sm">
      {VERDICT_STATE_LABELS[state]}
    </Badge>
  );
}
