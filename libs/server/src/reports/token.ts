import { randomBytes } from 'node:crypto';

/** 128 random bits, URL-safe (22 characters): the address of a public page or feed cannot be guessed or enumerated. */
export function unguessableToken(): string {
  return randomBytes(16).toString('base64url');
}
