import './app/mantine.css';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app/App';
import { preloadRoute } from './app/routes';
import { releaseEarlyResponses } from './api/early';
import { prefetchSession } from './features/auth';

prefetchSession(queryClient);
preloadRoute(window.location.pathname, queryClient);
// Start-up has taken what index.html asked for; a later request asks the server again.
releaseEarlyResponses();
createRoot(document.getElementById('root')!).render(<App />);
