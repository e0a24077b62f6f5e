// Every custom English message a schema sets must have its Chinese: otherwise a Chinese user reads English.
import { describe, expect, it } from 'vitest';
import { YEAR_DATA_MESSAGES } from '../calendar/business-calendar.js';
import { CLIENT_DOCUMENT_MESSAGES } from '../../modules/booking/client-document-file.js';
import { ID_NO_MESSAGES } from '../../modules/lawyers/id-number.js';
import { LICENCE_NO_MESSAGES } from '../../modules/lawyers/licence-number.js';
import { MOBILE_MESSAGE } from '../../modules/lawyers/mobile-number.js';
import { idNoSchema } from '../../modules/lawyers/id-number.js';
import { localiseIssue } from './validation-messages.js';

const english = [
  ...Object.values(YEAR_DATA_MESSAGES),
  ...Object.values(CLIENT_DOCUMENT_MESSAGES),
  ...Object.values(ID_NO_MESSAGES),
  ...Object.values(LICENCE_NO_MESSAGES),
  MOBILE_MESSAGE,
].flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m as Record<string, string>)));

describe('field error messages', () => {
  it('translates every custom schema message into Chinese', () => {
    for (const message of english) {
      const localised = localiseIssue({ code: 'custom', path: ['x'], message, input: '' } as never);
      expect(localised.message['zh-CN'], message).not.toBe(message);
      expect(localised.message.en).toBe(message);
    }
  });

  it('gives a wrong ID check digit a specific message in both languages', () => {
    const result = idNoSchema.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    const issue = localiseIssue(result.error!.issues[0]!);
    expect(issue.message['zh-CN']).toContain('校验码');
    expect(issue.message.en).toContain('does not match');
  });
});
