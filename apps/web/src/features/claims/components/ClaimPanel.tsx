// The claim panel: everything about one claim and the work on it, in a side drawer that leaves the article visible.
import { Anchor, Badge, Box, Button, Divider, Drawer, Group, NativeSelect, Skeleton, Stack, Text, Title } from '@mantine/core';
import { availableActions, CLAIM_KINDS, DIRECT_CLAIM_ACTIONS, WRITERS, type ClaimAction, type ClaimDetailDto, type ClaimKind, type ReaderClaimDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { memo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatScore } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { useMembers, useRatings } from '../../settings';
import { claimQueries } from '../api/claimQueries';
import { ACTION_LABELS, DISMISS_REASON_LABELS, KIND_LABELS, PRIORITY_LABELS } from '../../../lib/claimStatus';
import type { ClaimWriter } from '../hooks/useClaimWriter';
import { CommentsSection, HistorySection } from './ClaimActivity';
import { MatchesSection, type OfferedVerdict } from './MatchesSection';
import { SourcesSection } from './SourcesSection';
import { StatusBadge } from '../../../lib/StatusBadge';
import { VerdictSection } from './VerdictSection';

interface Props {
  claimId: string | null;
  /** The claim as a list shows it (the reader's compact claim, or a table row), shown while the full detail loads. */
  preview?: ReaderClaimDto;
  writer: ClaimWriter;
  onClose(): void;
  onDismiss(claim: ReaderClaimDto): void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Title order={3} size="h6" tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: 0.4 }}>
        {title}
      </Title>
      {children}
    </Box>
  );
}

const CUE_LABELS: Record<string, string> = { hedge: 'Hedge', attribution: 'Attribution', approximation: 'Approximation', speculation: 'Speculation', question: 'Question' };

export const ClaimPanel = memo(function ClaimPanel({ claimId, preview, writer, onClose, onDismiss }: Props) {
  return (
    <Drawer
      opened={Boolean(claimId)}
      onClose={onClose}
      position="right"
      size={560}
      withOverlay={false}
      lockScroll={false}
      title={<Text fw={700}>Claim</Text>}
      closeButtonProps={{ 'aria-label': 'Close the claim panel' }}
      shadow="xl"
    >
      {claimId && <ClaimPanelBody key={claimId} claimId={claimId} preview={preview} writer={writer} onDismiss={onDismiss} />}
    </Drawer>
  );
});

/** The claim's state at a glance: status, kind, score, hedge and source, and whether it was checked before. */
export function ClaimBadges({ claim }: { claim: ReaderClaimDto }) {
  return (
    <Group gap={6}>
      <StatusBadge status={claim.status} size="md" />
      {claim.dismissReason && (
        <Badge variant="outline" color="gray">
          {DISMISS_REASON_LABELS[claim.dismissReason]}
        </Badge>
      )}
      {/* An attributed claim's kind would say what its source badge says. */}
      {!(claim.kind === 'ATTRIBUTED' && claim.attributed) && (
        <Badge variant="outline" color="gray">
          {KIND_LABELS[claim.kind]}
        </Badge>
      )}
      <Badge variant="outline" color={claim.checkWorthy ? 'indigo' : 'gray'}>
        Score {formatScore(claim.score)}
        {claim.checkWorthy ? ' · check-worthy' : ''}
      </Badge>
      {claim.hedged && (
        <Badge variant="outline" color="orange">
          Hedged
        </Badge>
      )}
      {claim.attributed && (
        <Badge variant="outline" color="blue">
          Attributed
        </Badge>
      )}
      {claim.orphaned && <Badge color="red">Orphaned</Badge>}
      {claim.checkedBefore && (
        <Badge variant="filled" color="teal">
          Checked before
        </Badge>
      )}
    </Group>
  );
}

function ClaimPanelBody({ claimId, preview, writer, onDismiss }: { claimId: string; preview?: ReaderClaimDto; writer: ClaimWriter; onDismiss(claim: ReaderClaimDto): void }) {
  const { me } = useAuth();
  const ratings = useRatings();
  const members = useMembers();
  const detail = useQuery(claimQueries.detail(claimId));
  const [offered, setOffered] = useState<OfferedVerdict | null>(null);
  const claim: (ReaderClaimDto & Partial<ClaimDetailDto>) | undefined = detail.data ?? preview;
  if (!claim) {
    return detail.error ? <ErrorText error={detail.error} /> : <Skeleton h={200} />;
  }
  const role = me?.role ?? 'VIEWER';
  const writerRole = hasRole(me, WRITERS);
  const actions = availableActions(claim.status, role).filter((a) => (DIRECT_CLAIM_ACTIONS as readonly ClaimAction[]).includes(a));
  const doAction = (action: ClaimAction) => {
    if (action === 'dismiss') return onDismiss(claim);
    void writer.transition(claim, action);
  };
  const patch = (label: string, body: { kind?: ClaimKind; priority?: number; assigneeId?: string | null }) => void writer.update(claim, label, body);
  const actionError = writer.error?.claimId === claim.id ? writer.error : null;
  const { numbers = [], dates = [], entities = [] } = claim;

  return (
    <Stack gap="md" pb="xl">
      <ClaimBadges claim={claim} />

      <Section title="In context">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'Georgia, serif', lineHeight: 1.6 }}>
          {detail.data?.context ? (
            <Text span c="dimmed" inherit>
              …{detail.data.context.before}
            </Text>
          ) : null}
          <Text span inherit fw={600} bg="yellow.1" style={{ borderRadius: 2 }}>
            {claim.text}
          </Text>
          {detail.data?.context ? (
            <Text span c="dimmed" inherit>
              {detail.data.context.after}…
            </Text>
          ) : null}
        </Text>
        {detail.data?.article && (
          <Anchor component={Link} to={`/articles/${detail.data.article.id}?claim=${claim.id}`} size="xs">
            {detail.data.article.title}
          </Anchor>
        )}
        {claim.claimant && (
          <Text size="sm" mt={4}>
            Claimant:{' '}
            {claim.claimantId ? (
              <Anchor component={Link} to={`/claimants/${claim.claimantId}`}>
                {claim.claimant}
              </Anchor>
            ) : (
              claim.claimant
            )}
            {claim.unnamedSource && (
              <Badge ml={6} size="xs" variant="light" color="orange">
                unnamed source
              </Badge>
            )}
          </Text>
        )}
      </Section>

      <Section title="Why it was detected">
        {claim.reasons.length ? (
          <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
            {claim.reasons.map((r, i) => (
              <Text key={i} component="li" size="sm">
                {r}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No reasons recorded (added by hand).
          </Text>
        )}
        {(claim.cues.length > 0 || claim.attribution) && (
          <Group gap={6} mt={6}>
            {claim.cues.map((c, i) => (
              <Badge key={i} variant="light" color={c.type === 'hedge' ? 'orange' : c.type === 'attribution' ? 'blue' : 'gray'} tt="none">
                {CUE_LABELS[c.type]}: “{c.text}”
              </Badge>
            ))}
            {claim.attribution && (
              <Badge variant="light" color="blue" tt="none">
                Source named: {claim.attribution}
              </Badge>
            )}
          </Group>
        )}
        {/* Numbers, dates and names come with the full claim (a preview has none yet). */}
        {(numbers.length > 0 || dates.length > 0 || entities.length > 0) && (
          <Stack gap={2} mt={6}>
            {numbers.length > 0 && (
              <Text size="xs">
                <b>Numbers:</b> {numbers.map((n) => n.text).join(' · ')}
              </Text>
            )}
            {dates.length > 0 && (
              <Text size="xs">
                <b>Dates:</b> {dates.map((n) => n.text).join(' · ')}
              </Text>
            )}
            {entities.length > 0 && (
              <Text size="xs">
                <b>Names:</b> {entities.map((n) => n.text).join(' · ')}
              </Text>
            )}
          </Stack>
        )}
      </Section>

      <Section title="Workflow">
        <Group gap="xs">
          {actions.map((a) => (
            <Button key={a} size="xs" variant={a === 'dismiss' ? 'default' : 'filled'} color={a === 'flag' ? 'orange' : undefined} onClick={() => doAction(a)}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
          {actions.length === 0 && (
            <Text size="sm" c="dimmed">
              No workflow actions for you at this stage.
            </Text>
          )}
        </Group>
        {actionError && (
          <Box mt={6}>
            <ErrorText error={actionError.error} title={`${actionError.label} failed`} />
          </Box>
        )}
        <Group grow mt="sm" gap="xs" align="flex-start">
          <NativeSelect
            label="Assignee"
            size="xs"
            disabled={!writerRole}
            value={claim.assigneeId ?? ''}
            onChange={(e) => patch('Change assignee', { assigneeId: e.currentTarget.value || null })}
            data={[{ value: '', label: 'Unassigned' }, ...(members.data ?? []).map((m) => ({ value: m.userId, label: m.userId === me?.user.id ? `${m.name} (me)` : m.name }))]}
          />
          <NativeSelect
            label="Priority"
            size="xs"
            disabled={!writerRole}
            value={String(claim.priority)}
            onChange={(e) => patch('Change priority', { priority: Number(e.currentTarget.value) })}
            data={PRIORITY_LABELS.map((label, i) => ({ value: String(i), label }))}
          />
          <NativeSelect
            label="Kind"
            size="xs"
            disabled={!writerRole}
            value={claim.kind}
            onChange={(e) => patch('Change kind', { kind: e.currentTarget.value as ClaimKind })}
            data={CLAIM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
        </Group>
      </Section>

      <Divider />
      {detail.data ? (
        <>
          <Section title="Sources">
            <SourcesSection claimId={claim.id} sources={detail.data.sources} canEdit={writerRole && claim.status !== 'DISMISSED'} />
          </Section>
          <Section title="Verdict">
            <VerdictSection claim={detail.data} ratings={ratings} offered={offered} />
          </Section>
          <Section title="Checked before">
            <MatchesSection claimId={claim.id} canLink={writerRole && claim.status !== 'DISMISSED'} onOffer={setOffered} />
          </Section>
          <Section title="Comments">
            <CommentsSection claimId={claim.id} comments={detail.data.comments} canWrite={writerRole} />
          </Section>
          <Section title="History">
            <HistorySection claimId={claim.id} />
          </Section>
        </>
      ) : detail.error ? (
        <ErrorText error={detail.error} />
      ) : (
        <Stack gap="xs" aria-label="Loading claim details">
          <Skeleton h={60} />
          <Skeleton h={120} />
        </Stack>
      )}
    </Stack>
  );
}
