// The team's overview: claims by status and by verdict as bar charts, and the claims assigned to me.
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { CLAIM_STATUSES } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { STATUS_LABELS } from '../../../lib/claimStatus';
import { AssignedClaimsTable } from './ClaimLinksTable';
import { FeedTriage } from './FeedTriage';
import { useRatings } from '../../settings';
import { dashboardQueries } from '../api/dashboardQueries';
import { claimsTableHref } from '../../claims';

const STATUS_FILL: Record<string, string> = {
  DETECTED: '#868e96',
  FLAGGED: '#e8590c',
  IN_RESEARCH: '#1c7ed6',
  IN_REVIEW: '#7048e8',
  VERIFIED: '#0c8599',
  DISMISSED: '#495057',
};

/** A horizontal bar chart in plain SVG; every bar carries its label and count as text, and links to its claims. */
function BarChart({ title, bars }: { title: string; bars: Array<{ label: string; value: number; color: string; href: string }> }) {
  const navigate = useNavigate();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 30;
  const labelW = 150;
  const width = 520;
  return (
    <svg role="group" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`} viewBox={`0 0 ${width} ${bars.length * rowH + 4}`} width="100%" style={{ maxWidth: width }}>
      {bars.map((b, i) => {
        const w = Math.round(((width - labelW - 50) * b.value) / max);
        return (
          <a
            key={b.label}
            href={b.href}
            onClick={(e) => {
              e.preventDefault();
              navigate(b.href);
            }}
          >
            <g transform={`translate(0, ${i * rowH + 2})`} style={{ cursor: 'pointer' }}>
              <rect x={0} y={0} width={width} height={rowH - 2} fill="transparent" />
              <text x={0} y={18} fontSize={13} fill="#1864ab" textDecoration="underline">
                {b.label}
              </text>
              <rect x={labelW} y={4} width={Math.max(w, b.value ? 2 : 0)} height={20} rx={3} fill={b.color} />
              <text x={labelW + w + 6} y={18} fontSize={13} fill="#212529" fontWeight={600}>
                {b.value}
              </text>
            </g>
          </a>
        );
      })}
    </svg>
  );
}

export default function DashboardPage() {
  const ratings = useRatings();
  const dashboard = useQuery(dashboardQueries.summary());
  const d = dashboard.data;
  const total = d ? CLAIM_STATUSES.reduce((n, s) => n + (d.byStatus[s] ?? 0), 0) : 0;
  const ratingBars = d
    ? [
        ...ratings.map((r) => ({
          label: r.label,
          value: d.byRating[r.key] ?? 0,
          color: r.needsCorrection ? '#c92a2a' : r.ratingValue == null ? '#868e96' : '#0c8599',
          href: claimsTableHref({ rating: r.key }),
        })),
        ...Object.entries(d.byRating)
          .filter(([k]) => !ratings.some((r) => r.key === k))
          .map(([k, v]) => ({ label: k, value: v, color: '#868e96', href: claimsTableHref({ rating: k }) })),
      ]
    : [];
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      {dashboard.isLoading && <Skeleton h={240} />}
      <ErrorText error={dashboard.error} />
      {d && (
        <>
          {d.fromFeeds && <FeedTriage since={d.fromFeeds.since} claims={d.fromFeeds.claims} />}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5">
                  Claims by status
                </Title>
                <Text size="sm" c="dimmed">
                  {total} in all
                </Text>
              </Group>
              <BarChart
                title="Claims by status"
                bars={CLAIM_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: d.byStatus[s] ?? 0, color: STATUS_FILL[s], href: claimsTableHref({ status: [s] }) }))}
              />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={3} size="h5" mb="sm">
                Verdicts by rating
              </Title>
              {ratingBars.some((b) => b.value) ? (
                <BarChart title="Verdicts by rating" bars={ratingBars} />
              ) : (
                <Text size="sm" c="dimmed">
                  No verdicts yet.
                </Text>
              )}
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h5" mb="sm">
              Assigned to me
            </Title>
            {d.assignedToMe.length === 0 ? (
              <Text size="sm" c="dimmed">
                No claims are assigned to you.
              </Text>
            ) : (
              <AssignedClaimsTable claims={d.assignedToMe} />
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
