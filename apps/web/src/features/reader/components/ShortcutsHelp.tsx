// The keyboard shortcuts dialog, listing the reader's action table.
import { Kbd, Modal, Table } from '@mantine/core';
import { READER_ACTIONS } from '../keyboard/readerActions';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table>
        <Table.Tbody>
          {READER_ACTIONS.map((a) => (
            <Table.Tr key={a.id} data-action={a.id}>
              <Table.Td w={90}>
                {a.keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </Table.Td>
              <Table.Td>{a.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
