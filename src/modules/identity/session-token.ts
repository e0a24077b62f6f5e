// Session tokens: 256 random bits in the cookie; only their SHA-256 is stored.
import crypto from 'node:crypto';

export const SESSION_COOKIE = 'custos_session';

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
