// Members and their roles; admins invite people (a one-time link), change roles and remove members.
import { Alert, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { ADMINS, inviteMemberSchema, ROLE_LABELS, ROLES, type MemberDto, type Role } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { settingsQueries } from '../api/settingsQueries';
import { useChangeRole, useInvite, useRemoveMember, useRevokeInvitation } from '../hooks/useSettingsMutations';
import { useMembers } from '../hooks/useWorkspaceData';
import { ShownOnce } from './ShownOnce';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The link an invited person opens; the secret is after `#`, so it never reaches a server log or a Referer header. */
function invitationLink(token: string): string {
  return `${window.location.origin}/invite#${token}`;
}

function InviteMemberForm() {
  const [form, setForm] = useState({ email: '', role: 'FACT_CHECKER' as Role });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const invite = useInvite();
  const server = invite.error instanceof ApiError ? invite.error : null;
  const err = (k: string) => errors[k] ?? server?.fieldError(k);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = inviteMemberSchema.safeParse(form);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0])] ??= i.message;
      return setErrors(found);
    }
    setErrors({});
    invite.mutate(parsed.data, { onSuccess: () => setForm({ email: '', role: 'FACT_CHECKER' }) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label="Invite a member">
      <Text fw={600}>Invite a member</Text>
      <Text size="sm" c="dimmed" mb="xs">
        ClaimDesk makes a link that works once, for 7 days. Send it to the person yourself; they choose their own password.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput label="Email" type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={err('email')} />
        <NativeSelect label="Role" data={roleOptions} value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })} error={err('role')} />
      </SimpleGrid>
      {server && !['email', 'role'].some((k) => server.fieldError(k)) && (
        <Stack mt="sm">
          <ErrorText error={server} />
        </Stack>
      )}
      {invite.data && (
        <Alert color="teal" mt="sm" title={`Invitation for ${invite.data.email} (${ROLE_LABELS[invite.data.role]})`} withCloseButton onClose={() => invite.reset()}>
          <Text size="sm">Copy the link now and send it to them: it is shown only once.</Text>
          <ShownOnce value={invitationLink(invite.data.token)} testId="invitation-link" />
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={invite.isPending}>
          Create invitation link
        </Button>
      </Group>
    </Paper>
  );
}

function PendingInvitations() {
  const invitations = useQuery(settingsQueries.invitations());
  const revoke = useRevokeInvitation();
  if (!invitations.data?.length) return <ErrorText error={invitations.error} />;
  return (
    <Paper withBorder radius="md" aria-label="Pending invitations" component="section">
      <Text fw={600} px="md" pt="sm">
        Pending invitations
      </Text>
      <Table verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Link works until</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.data.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.email}</Table.Td>
              <Table.Td>{ROLE_LABELS[i.role]}</Table.Td>
              <Table.Td>{i.invitedBy ?? '—'}</Table.Td>
              <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === i.id}
                  onClick={() => revoke.mutate(i.id)}
                  aria-label={`Revoke the invitation for ${i.email}`}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorText error={revoke.error} />
    </Paper>
  );
}

export function MembersSettings() {
  const { me } = useAuth();
  const members = useMembers();
  const admin = hasRole(me, ADMINS);
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const [roleError, setRoleError] = useState<{ userId: string; error: unknown } | null>(null);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  return (
    <Stack>
      {members.isLoading && <Skeleton h={120} />}
      <ErrorText error={members.error} />
      {members.data && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Member since</Table.Th>
                {admin && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    {m.name}
                    {m.userId === me?.user.id ? ' (you)' : ''}
                  </Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    {admin && m.userId !== me?.user.id ? (
                      <>
                        <NativeSelect
                          aria-label={`Role of ${m.name}`}
                          size="xs"
                          w={150}
                          data={roleOptions}
                          value={m.role}
                          onChange={(e) =>
                            changeRole.mutate(
                              { userId: m.userId, role: e.currentTarget.value as Role },
                              { onSuccess: () => setRoleError(null), onError: (error, vars) => setRoleError({ userId: vars.userId, error }) },
                            )
                          }
                        />
                        {roleError?.userId === m.userId && <ErrorText error={roleError.error} />}
                      </>
                    ) : (
                      ROLE_LABELS[m.role]
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(m.createdAt)}</Table.Td>
                  {admin && (
                    <Table.Td>
                      {m.userId !== me?.user.id && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name}`}>
                          Remove
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {admin ? (
        <>
          <PendingInvitations />
          <InviteMemberForm />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Only admins invite members or change roles.
        </Text>
      )}
      <Modal opened={Boolean(removing)} onClose={() => setRemoving(null)} title="Remove member" centered>
        <Text size="sm">Remove {removing?.name} from the workspace? Their past work and audit history are kept.</Text>
        <ErrorText error={remove.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}>
            Remove
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
