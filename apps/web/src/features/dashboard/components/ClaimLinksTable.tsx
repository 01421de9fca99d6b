// Claims as the dashboard and My work list them: the claim first (opening it in the reader), then the columns the caller picks.
import { Anchor, Table, Text } from '@mantine/core';
import type { ClaimDto } from '@claimdesk/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../lib/StatusBadge';
import { formatDateTime, formatScore } from '../../../lib/format';

export interface ClaimColumn {
  header: string;
  cell: (claim: ClaimDto) => ReactNode;
  maw?: number;
}

export const statusColumn: ClaimColumn = { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> };
const updatedColumn: ClaimColumn = { header: 'Updated', cell: (c) => <Text size="sm">{formatDateTime(c.updatedAt)}</Text> };
export const scoreColumn: ClaimColumn = { header: 'Score', cell: (c) => <Text size="sm">{formatScore(c.score)}</Text> };

export function ClaimLinksTable({ claims, columns }: { claims: readonly ClaimDto[]; columns: readonly ClaimColumn[] }) {
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Claim</Table.Th>
          {columns.map((col) => (
            <Table.Th key={col.header}>{col.header}</Table.Th>
          ))}
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
            {columns.map((col) => (
              <Table.Td key={col.header} maw={col.maw}>
                {col.cell(c)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ASSIGNED_COLUMNS = [statusColumn, updatedColumn];

/** Claims someone holds: the claim, its status, when it last moved. */
export function AssignedClaimsTable({ claims }: { claims: readonly ClaimDto[] }) {
  return <ClaimLinksTable claims={claims} columns={ASSIGNED_COLUMNS} />;
}
