import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import { CENTRE_OPS_MESSAGES, centreCancelRequestSchema } from './centre-ops-schemas.js';

describe('a centre’s cancellation request', () => {
  it('takes a release or transfer with or without words', () => {
    expect(centreCancelRequestSchema.parse({ reasonCode: 'released' })).toEqual({ reasonCode: 'released' });
    expect(centreCancelRequestSchema.parse({ reasonCode: 'transferred', reason: ' 转至二所 ' })).toEqual({
      reasonCode: 'transferred',
      reason: '转至二所',
    });
  });

  it('needs words for an emergency or another reason, and says so on the reason field', () => {
    for (const input of [
      { reasonCode: 'emergency' },
      { reasonCode: 'other', reason: '  ' },
      { reasonCode: 'other', reason: '停' },
    ]) {
      const result = centreCancelRequestSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({
        path: ['reason'],
        message: CENTRE_OPS_MESSAGES.reasonNeeded,
      });
    }
    expect(centreCancelRequestSchema.safeParse({ reasonCode: 'emergency', reason: '停电' }).success).toBe(
      true,
    );
  });

  it('refuses an unknown reason and words longer than a lawyer’s message can carry', () => {
    expect(centreCancelRequestSchema.safeParse({ reasonCode: 'escaped' }).success).toBe(false);
    expect(
      centreCancelRequestSchema.safeParse({ reasonCode: 'other', reason: '长'.repeat(201) }).success,
    ).toBe(false);
  });

  it('has every message it sets in Chinese too', () => {
    for (const message of Object.values(CENTRE_OPS_MESSAGES)) {
      const localised = localiseIssue({ code: 'custom', path: ['reason'], message, input: '' } as never);
      expect(localised.message['zh-CN'], message).not.toBe(message);
      expect(localised.message.en).toBe(message);
    }
  });
});
