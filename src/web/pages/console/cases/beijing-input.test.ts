import { describe, expect, it } from 'vitest';
import { fromBeijingInput, nowAsBeijingInput, toBeijingInput } from './beijing-input.js';

describe('Beijing datetime inputs', () => {
  it('shows an instant in Beijing time and reads it back to the same instant', () => {
    expect(toBeijingInput('2026-11-25T17:30:00.000Z')).toBe('2026-11-26T01:30');
    expect(Date.parse(fromBeijingInput('2026-11-26T01:30'))).toBe(Date.parse('2026-11-25T17:30:00Z'));
    expect(nowAsBeijingInput(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T08:00');
  });
});
