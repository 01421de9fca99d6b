// The typed HTTP client: response types come from libs/domain, so the web app never hand-copies API shapes.
import type { ApiErrorBody } from '@claimdesk/domain';
import { takeEarlyResponse } from './early';

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get status(): number {
    return this.body.statusCode;
  }
  /** The message for one field, to show next to it. */
  fieldError(path: string): string | undefined {
    return this.body.details.find((d) => d.path === path || d.path.startsWith(`${path}.`))?.message;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  // A plain GET that index.html already asked for (a page load's session, article and claims) takes that answer.
  const early = method === 'GET' && body === undefined && Object.keys(init).length === 0 ? takeEarlyResponse(path) : undefined;
  try {
    response = await (early ??
      fetch(`/api${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
        ...init,
      }));
  } catch {
    throw new ApiError({ statusCode: 0, code: 'UNAVAILABLE', message: 'cannot reach the ClaimDesk server; check your connection', details: [] });
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      data && typeof data === 'object' && 'code' in data ? (data as ApiErrorBody) : { statusCode: response.status, code: 'INTERNAL', message: `the server answered ${response.status}`, details: [] },
    );
  }
  return data as T;
}

/** A GET whose body is not JSON (snippets, files): the response when it succeeded; errors come back as ApiError like `api`. */
export async function apiResponse(path: string): Promise<Response> {
  const response = await fetch(`/api${path}`, { credentials: 'same-origin' }).catch(() => null);
  if (!response) throw new ApiError({ statusCode: 0, code: 'UNAVAILABLE', message: 'cannot reach the ClaimDesk server; check your connection', details: [] });
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new ApiError(
      data && typeof data === 'object' && 'code' in data ? (data as ApiErrorBody) : { statusCode: response.status, code: 'INTERNAL', message: `the server answered ${response.status}`, details: [] },
    );
  }
  return response;
}

/** A text response (snippets and other non-JSON bodies). */
export async function apiText(path: string): Promise<string> {
  return (await apiResponse(path)).text();
}

/** A multipart upload through XMLHttpRequest, because fetch cannot report upload progress. */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError({ statusCode: 0, code: 'UNAVAILABLE', message: 'cannot reach the ClaimDesk server; check your connection', details: [] }));
    xhr.onabort = () => reject(new ApiError({ statusCode: 0, code: 'UNAVAILABLE', message: 'the upload was cancelled', details: [] }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      reject(
        new ApiError(
          data && typeof data === 'object' && 'code' in data ? (data as ApiErrorBody) : { statusCode: xhr.status, code: 'INTERNAL', message: `the server answered ${xhr.status}`, details: [] },
        ),
      );
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** Builds a query string from the defined values only. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
