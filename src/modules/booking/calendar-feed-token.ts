// The secret in a calendar feed's URL: 256 random bits, base64url. Only its SHA-256 is stored, so a copy
// of the database gives no one a working feed URL (as with session tokens).
import crypto from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** True for something shaped like a token: anything else is answered without touching the database. */
export function isFeedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function feedTokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The feed's URL under the address people reach Custos at (which may carry a path prefix). */
export function feedUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/calendar-feeds/${token}.ics`;
}
