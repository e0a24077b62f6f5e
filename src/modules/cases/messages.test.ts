// Every English message the case schemas set has its Chinese, so a Chinese user never reads English.
import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import { CASE_MESSAGES } from './schemas.js';

describe('case field messages', () => {
  it.each(Object.values(CASE_MESSAGES))('translates "%s"', (message) => {
    const localised = localiseIssue({ code: 'custom', path: ['x'], message, input: '' } as never);
    expect(localised.message['zh-CN']).not.toBe(message);
    expect(localised.message.en).toBe(message);
  });
});
