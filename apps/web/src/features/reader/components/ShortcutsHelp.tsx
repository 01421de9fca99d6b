import { Kbd, Modal, Table } from '@mantine/core';
import { READER_SHORTCUTS } from '../hooks/useReaderKeyboard';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table>
        <Table.Tbody>
          {READER_SHORTCUTS.map((s) => (
            <Table.Tr key={s.label}>
              <Table.Td w={90}>
                {s.keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
