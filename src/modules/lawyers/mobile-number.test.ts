import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOBILE_MESSAGE, isValidMobile, mobileSchema, normaliseMobile } from './mobile-number.js';

describe('mainland mobile numbers', () => {
  it('stores every way of writing a number as its 11 digits', () => {
    for (const written of [
      '13800138000',
      '+8613800138000',
      '8613800138000',
      '008613800138000',
      '+86 138 0013 8000',
      ' 138-0013-8000 ',
    ]) {
      expect(mobileSchema.parse(written), written).toBe('13800138000');
    }
  });

  it('rejects what is not a mainland mobile number, with the one message', () => {
    for (const bad of [
      '12800138000',
      '1380013800',
      '138001380000',
      '1380013800a',
      '+85291234567',
      '',
      '86138001380',
    ]) {
      expect(isValidMobile(bad), bad).toBe(false);
      expect(
        mobileSchema.safeParse(bad).error?.issues.map((i) => i.message),
        bad,
      ).toEqual([MOBILE_MESSAGE]);
    }
  });

  it('normalises any valid number, however prefixed and spaced, back to itself', () => {
    const mobile = fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const prefix = fc.constantFrom('', '+86', '86', '0086', '+86 ', '0086-');
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(mobile, prefix, separator, (number, pre, sep) => {
        const written = `${pre}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`;
        expect(normaliseMobile(written)).toBe(number);
        expect(mobileSchema.parse(written)).toBe(number);
      }),
    );
  });
});
