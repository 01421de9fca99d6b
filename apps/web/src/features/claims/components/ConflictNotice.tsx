// Shown when someone else changed a claim first: who, and a choice to reload or to re-apply the user's edit on top.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClaimConflict } from '../hooks/useClaimWriter';
import { STATUS_LABELS } from '../../../lib/claimStatus';

export function ConflictNotice({ conflict, onDismiss }: { conflict: ClaimConflict | null; onDismiss(): void }) {
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const who = conflict.current.updatedBy ?? 'Someone else';
  return (
    <Paper role="alert" withBorder shadow="md" p="md" radius="md" style={{ position: 'fixed', right: 24, bottom: 24, zIndex: 400, maxWidth: 440, borderColor: 'var(--mantine-color-orange-6)' }}>
      <Text fw={600}>Your change was not saved</Text>
      <Text size="sm" mt={4}>
        {who} changed this claim while you were working (it is now {STATUS_LABELS[conflict.current.status]}). Your edit “{conflict.label}” is kept: apply it on top of their change, or reload and leave
        it.
      </Text>
      <Group mt="sm" gap="xs">
        <Button
          size="xs"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await conflict.retry();
            setBusy(false);
          }}
        >
          Apply my change again
        </Button>
        <Button size="xs" variant="default" onClick={conflict.reload}>
          Reload their version
        </Button>
        <Button size="xs" variant="subtle" onClick={onDismiss}>
          Close
        </Button>
      </Group>
    </Paper>
  );
}
