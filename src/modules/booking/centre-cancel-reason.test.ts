import { describe, expect, it } from 'vitest';
import {
  describeCentreCancelReason,
  readCentreCancelReason,
  storeCentreCancelReason,
} from './centre-cancel-reason.js';

describe('a centre’s cancellation reason', () => {
  it('keeps the code, and the words when there are any', () => {
    expect(storeCentreCancelReason({ code: 'released', text: null })).toBe('released');
    expect(storeCentreCancelReason({ code: 'transferred', text: '转至市第二看守所' })).toBe(
      'transferred: 转至市第二看守所',
    );
  });

  it('reads back what it stored, words with colons and line breaks included', () => {
    for (const reason of [
      { code: 'released', text: null },
      { code: 'emergency', text: '监区封闭: 全天停止会见\n次日恢复' },
      { code: 'other', text: 'other: nested' },
    ] as const) {
      expect(readCentreCancelReason(storeCentreCancelReason(reason))).toEqual(reason);
    }
  });

  it('keeps a reason it did not write as the words of another reason', () => {
    expect(readCentreCancelReason('疫情防控')).toEqual({ code: 'other', text: '疫情防控' });
    expect(readCentreCancelReason('releasedX')).toEqual({ code: 'other', text: 'releasedX' });
    expect(readCentreCancelReason(null)).toEqual({ code: 'other', text: null });
  });

  it('describes the reason in either language', () => {
    const reason = { code: 'transferred', text: '转至市第二看守所' } as const;
    expect(describeCentreCancelReason(reason, 'zh-CN')).toBe('在押人员已转所：转至市第二看守所');
    expect(describeCentreCancelReason(reason, 'en')).toBe(
      'The detainee has been transferred: 转至市第二看守所',
    );
    expect(describeCentreCancelReason({ code: 'released', text: null }, 'en')).toBe(
      'The detainee has been released',
    );
  });
});
