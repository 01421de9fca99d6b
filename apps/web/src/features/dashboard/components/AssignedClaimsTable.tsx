// Claims someone holds, as the dashboard and My work list them: the claim (opening it in the reader), its status, when it last moved.
import { Anchor, Table, Text } from '@mantine/core';
import type { ClaimDto } from '@claimdesk/domain';
import { Link } from 'react-router';
import { StatusBadge } from '../../../lib/StatusBadge';
import { formatDateTime } from '../../../lib/format';

export function AssignedClaimsTable({ claims }: { claims: readonly ClaimDto[] }) {
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Claim</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {claims.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/articles/${c.articleId}?claim=${c.id}`} size="sm" lineClamp={2}>
                {c.text}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(c.updatedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
