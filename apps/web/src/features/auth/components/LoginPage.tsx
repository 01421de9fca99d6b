import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { useAuth } from '../AuthProvider';
import { AuthCard } from './AuthCard';

export function LoginPage() {
  const { me, needsSetup, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (me) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await authApi.login({ email, password }));
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in to ClaimDesk" subtitle="Track, check and correct the claims your newsroom publishes.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !error.fieldError('email') && !error.fieldError('password') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error?.fieldError('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={error?.fieldError('password')} />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
