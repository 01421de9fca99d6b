// The buttons over a selected passage: "New claim" adds the passage as a claim of this revision and opens it; inside an
// existing claim's words, "Split claim" makes the passage a claim of its own and offers to copy the parent's sources.
import { Box, Button, Checkbox, Group, Paper } from '@mantine/core';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { useState } from 'react';
import { ErrorText } from '../../../lib/ErrorText';
import { useCreateClaim } from '../../claims';
import type { TextSelection } from '../hooks/useTextSelection';

export function SelectionPopup({
  articleId,
  revisionId,
  selection,
  parent,
  onCreated,
}: {
  articleId: string;
  revisionId: string;
  selection: TextSelection;
  parent: ReaderClaimDto | null;
  onCreated(claimId: string): void;
}) {
  const create = useCreateClaim(articleId);
  const [copySources, setCopySources] = useState(true);
  const add = (split: boolean) =>
    create.mutate(
      { revisionId, start: selection.start, end: selection.end, ...(split && parent ? { splitFrom: parent.id, copySources } : {}) },
      {
        onSuccess: (claim) => {
          window.getSelection()?.removeAllRanges();
          onCreated(claim.id);
        },
      },
    );
  return (
    <Box className="cd-selection-popup" style={{ top: selection.top, left: selection.left }}>
      <Group gap={6}>
        <Button size="xs" onMouseDown={(e) => e.preventDefault()} onClick={() => add(false)} loading={create.isPending} data-testid="new-claim">
          New claim
        </Button>
        {parent && (
          <Paper shadow="sm" p={6} withBorder>
            <Group gap={8}>
              <Button size="xs" onMouseDown={(e) => e.preventDefault()} onClick={() => add(true)} loading={create.isPending} data-testid="split-claim">
                Split claim
              </Button>
              <Checkbox size="xs" label="Copy its sources" checked={copySources} onChange={(e) => setCopySources(e.currentTarget.checked)} onMouseDown={(e) => e.preventDefault()} />
            </Group>
          </Paper>
        )}
      </Group>
      {create.error && (
        <Box mt={4} w={300}>
          <ErrorText error={create.error} />
        </Box>
      )}
    </Box>
  );
}
