// Members and their roles; admins add people, change roles and remove members.
import { Button, Group, Modal, NativeSelect, Paper, PasswordInput, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { ADMINS, createMemberSchema, ROLE_LABELS, ROLES, type MemberDto, type Role } from '@claimdesk/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDate } from '../../../lib/format';
import { hasRole, useAuth } from '../../auth';
import { useAddMember, useChangeRole, useRemoveMember } from '../hooks/useSettingsMutations';
import { useMembers } from '../hooks/useWorkspaceData';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function AddMemberForm() {
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'FACT_CHECKER' as Role });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddMember();
  const server = add.error instanceof ApiError ? add.error : null;
  const err = (k: string) => errors[k] ?? server?.fieldError(k);
  const field = (k: 'name' | 'email' | 'password') => ({ value: form[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value }), error: err(k) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = createMemberSchema.safeParse(form);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const i of parsed.error.issues) found[String(i.path[0])] ??= i.message;
      return setErrors(found);
    }
    setErrors({});
    add.mutate(form, { onSuccess: () => setForm({ name: '', email: '', password: '', role: 'FACT_CHECKER' }) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-label="Add a member">
      <Text fw={600} mb="xs">
        Add a member
      </Text>
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
        <TextInput label="Name" autoComplete="off" {...field('name')} />
        <TextInput label="Email" type="email" autoComplete="off" {...field('email')} />
        <PasswordInput label="Initial password" description="At least 10 characters" autoComplete="new-password" {...field('password')} />
        <NativeSelect label="Role" data={roleOptions} value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })} error={err('role')} />
      </SimpleGrid>
      {server && !['name', 'email', 'password', 'role'].some((k) => server.fieldError(k)) && (
        <Stack mt="sm">
          <ErrorText error={server} />
        </Stack>
      )}
      {add.isSuccess && (
        <Text size="sm" c="teal.9" mt="xs" role="status">
          {add.data.name} was added as {ROLE_LABELS[add.data.role]}.
        </Text>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={add.isPending}>
          Add member
        </Button>
      </Group>
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
        <AddMemberForm />
      ) : (
        <Text size="sm" c="dimmed">
          Only admins add members or change roles.
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
