// The application shell: providers, routes, and the sign-in gate.
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, RequireAuth } from '../features/auth/AuthProvider';
import { LoginPage } from '../features/auth/components/LoginPage';
import { SetupPage } from '../features/auth/components/SetupPage';
import { Layout } from './Layout';
import { appRoutes } from './routes';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm', fontFamily: 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif' });

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && (error as { status?: number }).status === 0, staleTime: 10_000, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/setup" element={<SetupPage />} />
              <Route element={<RequireAuth><Layout /></RequireAuth>}>
                {appRoutes.map((r) => (
                  <Route key={r.path} path={r.path} element={r.element} />
                ))}
                <Route path="*" element={<Navigate to="/articles" replace />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
