// Opaque secrets (session cookies, API tokens) are random and stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'claimdesk_session';
export const CSRF_HEADER = 'x-csrf-token';
export const API_TOKEN_PREFIX = 'cdk_';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
