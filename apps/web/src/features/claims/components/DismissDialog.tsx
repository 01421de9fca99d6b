// Asks why a claim is dismissed (the workflow requires a reason).
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { DISMISS_REASONS, type DismissReason } from '@claimdesk/domain';
import { useState } from 'react';
import { DISMISS_REASON_LABELS } from '../../../lib/claimStatus';

export function DismissDialog({ opened, claimText, count, onCancel, onConfirm }: { opened: boolean; claimText?: string; count?: number; onCancel(): void; onConfirm(reason: DismissReason): void }) {
  const [reason, setReason] = useState<DismissReason>('NOT_CHECK_WORTHY');
  return (
    <Modal opened={opened} onClose={onCancel} title={count && count > 1 ? `Dismiss ${count} claims` : 'Dismiss claim'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(reason);
        }}
      >
        <Stack>
          {claimText && (
            <Text size="sm" c="dimmed" lineClamp={3}>
              “{claimText}”
            </Text>
          )}
          <Radio.Group label="Reason" value={reason} onChange={(v) => setReason(v as DismissReason)} required>
            <Stack gap={6} mt={6}>
              {DISMISS_REASONS.map((r) => (
                <Radio key={r} value={r} label={DISMISS_REASON_LABELS[r]} data-autofocus={r === 'NOT_CHECK_WORTHY' || undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color="dark">
              Dismiss
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
