// The claims table's sort control: the sorts an index serves across the workspace are buttons; text position, score
// and priority are shown disabled with a hint, and a shared link asking for one falls back to the default sort.
import { MantineProvider } from '@mantine/core';
import { CLAIM_SORTS, WORKSPACE_CLAIM_SORTS } from '@claimdesk/domain';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_FILTERS, parseFilterParams } from '../filters/claimFilterParams';
import { SortHeader, UNAVAILABLE_SORT_HINT } from './SortHeader';

function renderHeaders(onSort: jest.Mock) {
  render(
    <MantineProvider>
      <SortHeader column="position" label="Claim" sort="updated" order="desc" onSort={onSort} />
      <SortHeader column="score" label="Score" sort="updated" order="desc" onSort={onSort} />
      <SortHeader column="priority" label="Priority" sort="updated" order="desc" onSort={onSort} />
      <SortHeader column="updated" label="Updated" sort="updated" order="desc" onSort={onSort} />
      <SortHeader column="created" label="Created" sort="updated" order="desc" onSort={onSort} />
    </MantineProvider>,
  );
}

describe('claims table sort control', () => {
  it('sorts by a column an index serves and marks the active one', async () => {
    const onSort = jest.fn();
    renderHeaders(onSort);
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'none', 'none', 'descending', 'none']);
    await userEvent.click(screen.getByRole('button', { name: /Created/ }));
    expect(onSort).toHaveBeenCalledWith('created');
  });

  it('shows text position, score and priority disabled, with a hint, and never sorts by them', async () => {
    const onSort = jest.fn();
    renderHeaders(onSort);
    for (const name of ['Claim', 'Score', 'Priority']) {
      const header = screen.getByRole('button', { name });
      expect(header).toHaveAttribute('aria-disabled', 'true');
      expect(header).toHaveAccessibleDescription(UNAVAILABLE_SORT_HINT);
      await userEvent.click(header);
    }
    expect(onSort).not.toHaveBeenCalled();
  });

  it('offers exactly the sorts the API serves across the workspace, and drops any other from a shared link', () => {
    for (const sort of WORKSPACE_CLAIM_SORTS) expect(parseFilterParams(new URLSearchParams(`sort=${sort}&order=asc`)).sort).toBe(sort);
    for (const sort of CLAIM_SORTS.filter((s) => !(WORKSPACE_CLAIM_SORTS as readonly string[]).includes(s))) {
      expect(parseFilterParams(new URLSearchParams(`sort=${sort}&order=asc`)).sort).toBe(DEFAULT_FILTERS.sort);
    }
  });
});
