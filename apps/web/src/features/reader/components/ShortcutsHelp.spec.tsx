import { render, screen, within } from '@testing-library/react';
import { withProviders } from '../../../test/render';
import { READER_ACTIONS } from '../keyboard/readerActions';
import { ShortcutsHelp } from './ShortcutsHelp';

describe('ShortcutsHelp', () => {
  it('lists every action of the reader’s table with its keys', async () => {
    render(withProviders(<ShortcutsHelp opened onClose={jest.fn()} />));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row');
    expect(rows).toHaveLength(READER_ACTIONS.length);
    READER_ACTIONS.forEach((action, i) => {
      expect(rows[i]).toHaveTextContent(action.label);
      for (const k of action.keys) expect(within(rows[i]).getByText(k, { selector: 'kbd' })).toBeInTheDocument();
    });
  });
});
