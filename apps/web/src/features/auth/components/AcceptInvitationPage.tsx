// The page an invitation link opens (/invite#secret): join with a new account (your own password), with the account
// your email already has (its password), or, signed in as that email, with one click.
import { Alert, Button, Loader, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { ROLE_LABELS } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { authQueries } from '../api/authQueries';
import { useAuth } from '../AuthProvider';
import { AuthCard } from './AuthCard';

export function AcceptInvitationPage() {
  const { me, signedIn } = useAuth();
  const navigate = useNavigate();
  const token = useLocation().hash.replace(/^#/, '');
  const preview = useQuery(authQueries.invitation(token));
  const [account, setAccount] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (accept: () => Promise<Parameters<typeof signedIn>[0]>) => {
    setBusy(true);
    setError(null);
    try {
      const switching = Boolean(me);
      const result = await accept();
      // Switching workspaces: start afresh, so nothing of the other workspace stays in memory.
      if (switching) return window.location.assign('/articles');
      signedIn(result);
      navigate('/articles', { replace: true });
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void finish(() => authApi.acceptInvitation(account === 'new' ? { token, account, name, password } : { token, account, password }));
  };

  if (!token || preview.isError) {
    return (
      <AuthCard title="This invitation link does not work" subtitle="It may have been used already, revoked, or have expired after 7 days.">
        <Text size="sm">Ask an admin of the workspace for a new link.</Text>
        <Button component={Link} to="/login" variant="default" mt="md">
          Sign in
        </Button>
      </AuthCard>
    );
  }
  if (!preview.data) {
    return (
      <AuthCard title="Opening your invitation" subtitle="One moment.">
        <Loader size="sm" />
      </AuthCard>
    );
  }
  const invitation = preview.data;
  const title = `Join ${invitation.workspace.name}`;
  const subtitle = `You are invited as ${ROLE_LABELS[invitation.role]} with ${invitation.email}.`;
  const alert = error && !error.fieldError('name') && !error.fieldError('password') && (
    <Alert color="red" role="alert">
      {error.message}
    </Alert>
  );

  if (me && me.user.email === invitation.email) {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Stack>
          {alert}
          <Text size="sm">
            You are signed in as {me.user.email}. Joining switches you to {invitation.workspace.name}.
          </Text>
          <Button loading={busy} onClick={() => void finish(() => authApi.joinByInvitation(token))}>
            Join {invitation.workspace.name}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={title} subtitle={subtitle}>
      <form onSubmit={submit} noValidate aria-label="Accept the invitation">
        <Stack>
          {alert}
          <SegmentedControl
            fullWidth
            value={account}
            onChange={(v) => {
              setAccount(v as 'new' | 'existing');
              setError(null);
            }}
            data={[
              { value: 'new', label: 'New to ClaimDesk' },
              { value: 'existing', label: 'I have an account' },
            ]}
          />
          {account === 'new' && <TextInput label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={error?.fieldError('name')} />}
          <PasswordInput
            label={account === 'new' ? 'Choose a password' : `Password of ${invitation.email}`}
            description={account === 'new' ? 'At least 10 characters; only you know it' : undefined}
            autoComplete={account === 'new' ? 'new-password' : 'current-password'}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fieldError('password')}
          />
          <Button type="submit" loading={busy}>
            {account === 'new' ? 'Create my account and join' : 'Sign in and join'}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
