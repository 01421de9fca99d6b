import '@mantine/core/styles.css';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app/App';
import { preloadRoute } from './app/routes';
import { prefetchSession } from './features/auth';

prefetchSession(queryClient);
preloadRoute(window.location.pathname, queryClient);
createRoot(document.getElementById('root')!).render(<App />);
