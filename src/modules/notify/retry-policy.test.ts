import { describe, expect, it } from 'vitest';
import { retryDelayMs, SEND_LEASE_MS, SEND_TIMEOUT_MS } from './retry-policy.js';

describe('retry policy', () => {
  it('backs off 1 min, 5 min, 30 min, then 2 h', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([
      60_000, 300_000, 1_800_000, 7_200_000, 7_200_000, 7_200_000,
    ]);
  });

  it('holds a send lease well beyond the longest attempt', () => {
    expect(SEND_LEASE_MS).toBeGreaterThanOrEqual(2 * SEND_TIMEOUT_MS);
  });
});
