// A sortable column header of the claims table. A sort no index serves across the whole workspace is shown, but
// disabled with a hint saying where it is offered, so the table never asks the server for an ordering it refuses.
import { Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { isTableSort, type ClaimSort, type Sort } from '../filters/claimFilterParams';

/** Why a sort is not offered across the workspace, and where its claims are ordered that way (an article's page). */
export const UNAVAILABLE_SORT_HINT = 'Across all claims, the table sorts by last change. Open an article to go through its claims in reading order or by check-worthiness.';

export function SortHeader({ column, label, sort, order, onSort }: { column: ClaimSort; label: string; sort: Sort; order: 'asc' | 'desc'; onSort: (column: Sort) => void }) {
  const hintId = useId();
  if (!isTableSort(column)) {
    return (
      <div role="columnheader" aria-sort="none">
        <Tooltip label={UNAVAILABLE_SORT_HINT} multiline w={280} withArrow>
          <UnstyledButton aria-disabled="true" aria-describedby={hintId} style={{ cursor: 'default' }}>
            <Text span fw={600} fz="sm">
              {label}
            </Text>
          </UnstyledButton>
        </Tooltip>
        <VisuallyHidden id={hintId}>{UNAVAILABLE_SORT_HINT}</VisuallyHidden>
      </div>
    );
  }
  const active = sort === column;
  return (
    <div role="columnheader" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        {label} {active ? (order === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </div>
  );
}
