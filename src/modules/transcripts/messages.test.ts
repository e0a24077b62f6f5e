// Every English message the transcript and interruption schemas set has its Chinese.
import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import { TRANSCRIPT_MESSAGES } from './schemas.js';

describe('transcript field messages', () => {
  it.each(Object.values(TRANSCRIPT_MESSAGES))('translates "%s"', (message) => {
    const localised = localiseIssue({ code: 'custom', path: ['x'], message, input: '' } as never);
    expect(localised.message['zh-CN']).not.toBe(message);
    expect(localised.message.en).toBe(message);
  });
});
