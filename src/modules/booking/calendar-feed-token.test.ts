import { describe, expect, it } from 'vitest';
import { feedTokenHash, feedUrl, isFeedToken, newFeedToken } from './calendar-feed-token.js';

describe('calendar feed tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isFeedToken(a)).toBe(true);
  });

  it('refuses anything not shaped like a token', () => {
    expect(isFeedToken('')).toBe(false);
    expect(isFeedToken('a'.repeat(42))).toBe(false);
    expect(isFeedToken('a'.repeat(44))).toBe(false);
    expect(isFeedToken(`${'a'.repeat(42)}/`)).toBe(false);
    expect(isFeedToken(`${'a'.repeat(42)}=`)).toBe(false);
  });

  it('are stored as their SHA-256 only', () => {
    const token = newFeedToken();
    expect(feedTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash(token)).toBe(feedTokenHash(token));
    expect(feedTokenHash(token)).not.toContain(token);
  });

  it('make a URL under the public address, keeping a path prefix', () => {
    expect(feedUrl('https://custos.example.cn', 'T')).toBe(
      'https://custos.example.cn/api/calendar-feeds/T.ics',
    );
    expect(feedUrl('https://example.cn/custos/', 'T')).toBe(
      'https://example.cn/custos/api/calendar-feeds/T.ics',
    );
  });
});
