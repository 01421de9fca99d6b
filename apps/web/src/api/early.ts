// The requests a page load needs, started by a small script inlined in index.html while the app's code is still loading
// (evaluating it takes a good part of a second on a busy machine). The API client takes each answer once, for the first
// GET of the same path during start-up; whatever start-up did not take is dropped, so no later request reads an old answer.

declare global {
  interface Window {
    /** Set by index.html's inline script: the answers it asked for, by API path. */
    claimdeskEarly?: Record<string, Promise<Response>>;
  }
}

/** The reader's code and styles, fetched at once when the address is an article's. */
export interface ReaderAssets {
  scripts: string[];
  styles: string[];
}

/**
 * Runs in the page as an inline script (vite.config.ts inlines its source), so it stands alone: no imports, no helpers.
 * Asks for the session and, on an article's address, for the article and its claims as the app will, and preloads the
 * reader's code. The paths must be those the app requests (early.spec.ts checks it).
 */
export function startEarlyRequests(readerAssets: ReaderAssets): void {
  const requests: Record<string, Promise<Response>> = {};
  const get = (path: string) => {
    const response = fetch('/api' + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    // A failure reaches the app when it takes the answer; until then it is not an unhandled rejection.
    response.catch(() => undefined);
    requests[path] = response;
  };
  get('/setup');
  get('/auth/me');
  const article = /^\/articles\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  if (article) {
    get('/articles/' + article[1]);
    get('/articles/' + article[1] + '/claims?limit=2000');
    const preload = (href: string, rel: string, as?: string) => {
      const link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      if (as) link.as = as;
      link.crossOrigin = '';
      document.head.appendChild(link);
    };
    readerAssets.scripts.forEach((href) => preload(href, 'modulepreload'));
    readerAssets.styles.forEach((href) => preload(href, 'preload', 'style'));
  }
  window.claimdeskEarly = requests;
}

/** The answer index.html asked for at this path, once; undefined when there is none (or it was taken or dropped). */
export function takeEarlyResponse(path: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.claimdeskEarly;
  const response = early?.[path];
  if (response) delete early[path];
  return response;
}

/** Drops the answers start-up did not take. */
export function releaseEarlyResponses(): void {
  if (typeof window !== 'undefined' && window.claimdeskEarly) window.claimdeskEarly = {};
}
