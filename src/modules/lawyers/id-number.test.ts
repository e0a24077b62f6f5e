import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseLocalDate } from '../../platform/calendar/local-date.js';
import { ID_NO_MESSAGES, idNoSchema, maskIdNo, validateIdNo, type IdNoFailure } from './id-number.js';

const TODAY = parseLocalDate('2026-11-26');

/**
 * The check character as GB 11643-1999 defines it (ISO 7064 MOD 11-2), not from the weight table the
 * code uses: positions i = 18..1 from the left carry weights 2^(i-1) mod 11, and the check character
 * a1 (X for 10) makes the weighted sum of all 18 ≡ 1 (mod 11).
 */
function standardCheckCharacter(first17: string): string {
  const weight = (i: number) => 2 ** (i - 1) % 11;
  const partial = [...first17].reduce((sum, digit, index) => sum + Number(digit) * weight(18 - index), 0);
  for (let a1 = 0; a1 <= 10; a1 += 1) {
    if ((partial + a1 * weight(1)) % 11 === 1) return a1 === 10 ? 'X' : String(a1);
  }
  throw new Error('unreachable: 11 is prime');
}
const withCheck = (first17: string) => first17 + standardCheckCharacter(first17);

const failure = (value: string, today = TODAY): IdNoFailure | undefined => {
  const result = validateIdNo(value, today);
  return result.ok ? undefined : result.reason;
};

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '81', '82', '83']; // prettier-ignore
const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const birthDate = fc
  .integer({ min: 0, max: daysBetween(parseLocalDate('1900-01-01'), TODAY) })
  .map((n) => addDays(parseLocalDate('1900-01-01'), n).replaceAll('-', ''));
const validIdNo = fc
  .tuple(fc.constantFrom(...PROVINCES), digitString(4), birthDate, digitString(3))
  .map(([province, area, birth, sequence]) => withCheck(province + area + birth + sequence));

describe('citizen ID numbers (GB 11643-1999)', () => {
  it('accepts the example published in the standard, in either case', () => {
    expect(standardCheckCharacter('11010519491231002')).toBe('X');
    expect(validateIdNo('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNo: '11010519491231002X',
      provinceCode: '11',
      birthDate: '1949-12-31',
    });
    expect(validateIdNo(' 11010519491231002x ', TODAY)).toMatchObject({
      ok: true,
      idNo: '11010519491231002X',
    });
  });

  it('accepts numbers built by the standard, including residence-permit numbers', () => {
    for (const first17 of [
      '44030419900101123',
      '31011520000229002',
      '65010119000101001',
      '83000019851231004',
    ]) {
      expect(failure(withCheck(first17)), first17).toBeUndefined();
    }
  });

  it('names what is wrong', () => {
    const good = withCheck('44030419900101123');
    expect(failure('4403041990010112')).toBe('length');
    expect(failure(`${good}0`)).toBe('length');
    expect(failure('')).toBe('length');
    expect(failure('4403041990010112X3')).toBe('characters');
    expect(failure('44030419900101123A')).toBe('characters');
    expect(failure(withCheck('00030419900101123'))).toBe('province');
    expect(failure(withCheck('72030419900101123'))).toBe('province');
    expect(failure(withCheck('44030419900230123'))).toBe('birth_date');
    expect(failure(withCheck('44030418991231123'))).toBe('birth_date');
    expect(failure(withCheck('44030420261127123'))).toBe('birth_date');
    expect(failure(withCheck('44030420261127123'), parseLocalDate('2026-11-27'))).toBeUndefined();
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    expect(failure(wrongCheck)).toBe('check_digit');
  });

  it('masks all but the first six and last four characters', () => {
    expect(maskIdNo('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNo('123')).toBe('***');
  });

  it('gives one specific message per failure through the schema', () => {
    expect(new Set(Object.values(ID_NO_MESSAGES)).size).toBe(5);
    expect(idNoSchema.parse(' 11010519491231002x')).toBe('11010519491231002X');
    const cases: Record<IdNoFailure, string> = {
      length: '123',
      characters: '4403041990010112X3',
      province: withCheck('00030419900101123'),
      birth_date: withCheck('44030419900230123'),
      check_digit: '110105194912310021',
    };
    for (const [reason, value] of Object.entries(cases) as [IdNoFailure, string][]) {
      expect(idNoSchema.safeParse(value).error?.issues.map((i) => i.message)).toEqual([
        ID_NO_MESSAGES[reason],
      ]);
    }
  });

  it('accepts any number with a real province, birth date and the computed check character', () => {
    fc.assert(
      fc.property(validIdNo, (idNo) => {
        expect(failure(idNo)).toBeUndefined();
      }),
    );
  });

  it('rejects every single-character change of a valid number', () => {
    fc.assert(
      fc.property(
        validIdNo,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (idNo, at, shift) => {
          const alphabet = at === 17 ? '0123456789X' : '0123456789';
          const current = alphabet.indexOf(idNo.charAt(at));
          const replacement = alphabet.charAt((current + shift) % alphabet.length);
          fc.pre(replacement !== idNo.charAt(at));
          const changed = idNo.slice(0, at) + replacement + idNo.slice(at + 1);
          expect(validateIdNo(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });
});
