import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { authApi } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { useAuth } from '../AuthProvider';
import { AuthCard } from './AuthCard';

export function SetupPage() {
  const { needsSetup, loading, signedIn } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ workspaceName: '', name: '', email: '', password: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!loading && !needsSetup) return <Navigate to="/login" replace />;
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: error?.fieldError(key),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await authApi.setup(form));
      navigate('/articles', { replace: true });
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Set up ClaimDesk" subtitle="Create your newsroom's workspace and its first admin account.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && error.body.details.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label="Workspace name" placeholder="Daily Planet standards desk" required {...field('workspaceName')} />
          <TextInput label="Your name" autoComplete="name" required {...field('name')} />
          <TextInput label="Email" type="email" autoComplete="username" required {...field('email')} />
          <PasswordInput label="Password" description="At least 10 characters" autoComplete="new-password" required {...field('password')} />
          <Button type="submit" loading={busy}>
            Create workspace
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
