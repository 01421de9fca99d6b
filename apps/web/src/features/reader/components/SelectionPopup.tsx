// The "New claim" button over a selected passage: adds the passage as a claim of this revision and opens it.
import { Box, Button } from '@mantine/core';
import { ErrorText } from '../../../lib/ErrorText';
import { useCreateClaim } from '../../claims';
import type { TextSelection } from '../hooks/useTextSelection';

export function SelectionPopup({ articleId, revisionId, selection, onCreated }: { articleId: string; revisionId: string; selection: TextSelection; onCreated(claimId: string): void }) {
  const create = useCreateClaim(articleId);
  const add = () =>
    create.mutate(
      { revisionId, start: selection.start, end: selection.end },
      {
        onSuccess: (claim) => {
          window.getSelection()?.removeAllRanges();
          onCreated(claim.id);
        },
      },
    );
  return (
    <Box className="cd-selection-popup" style={{ top: selection.top, left: selection.left }}>
      <Button size="xs" onMouseDown={(e) => e.preventDefault()} onClick={add} loading={create.isPending} data-testid="new-claim">
        New claim
      </Button>
      {create.error && (
        <Box mt={4} w={300}>
          <ErrorText error={create.error} />
        </Box>
      )}
    </Box>
  );
}
