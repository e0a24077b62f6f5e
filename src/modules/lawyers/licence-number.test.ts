import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LICENCE_NO_MESSAGES,
  licenceNoSchema,
  validateLicenceNo,
  type LicenceNoFailure,
} from './licence-number.js';

const THIS_YEAR = 2026;
const failure = (value: string, year = THIS_YEAR): LicenceNoFailure | undefined => {
  const result = validateLicenceNo(value, year);
  return result.ok ? undefined : result.reason;
};
/** version 1 | province | city | first year | category | sex | serial */
const licence = (
  province: string,
  city: string,
  year: string,
  category: string,
  sex = '0',
  serial = '476817',
) => `1${province}${city}${year}${category}${sex}${serial}`;

const MAINLAND = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']; // prettier-ignore
const TYPES = ['full_time', 'part_time', 'hong_kong_resident', 'macao_resident', 'taiwan_resident', 'public_service', 'company', 'legal_aid', 'military']; // prettier-ignore
const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));

describe('lawyer licence numbers', () => {
  it('reads a current 17-digit number', () => {
    expect(validateLicenceNo(' 11101200310476817 ', THIS_YEAR)).toEqual({
      ok: true,
      kind: 'current',
      licenceNo: '11101200310476817',
      type: 'full_time',
      provinceCode: '11',
      firstLicenceYear: 2003,
    });
    expect(validateLicenceNo(licence('44', '03', '2019', '8', '1'), THIS_YEAR)).toMatchObject({
      kind: 'current',
      type: 'legal_aid',
      provinceCode: '44',
      firstLicenceYear: 2019,
    });
    expect(failure(licence('31', '01', '1979', '6'))).toBeUndefined();
    expect(failure(licence('65', '01', '2026', '9'))).toBeUndefined();
  });

  it('accepts a legacy 12-digit number on its province code alone', () => {
    expect(validateLicenceNo('320119960123', THIS_YEAR)).toEqual({
      ok: true,
      kind: 'legacy',
      licenceNo: '320119960123',
      provinceCode: '32',
    });
    expect(failure('990119960123')).toBe('province');
  });

  it('names what is wrong', () => {
    expect(failure('1110120031047681A')).toBe('digits');
    expect(failure('1110-1200310476817')).toBe('digits');
    expect(failure('1110120031047681')).toBe('length');
    expect(failure('111012003104768170')).toBe('length');
    expect(failure('')).toBe('length');
    expect(failure(`2${licence('11', '01', '2003', '1').slice(1)}`)).toBe('type');
    expect(failure(licence('11', '01', '2003', '0'))).toBe('type');
    expect(failure(licence('81', '01', '2003', '3'))).toBe('province');
    expect(failure(licence('10', '01', '2003', '1'))).toBe('province');
    expect(failure(licence('11', '01', '1978', '1'))).toBe('year');
    expect(failure(licence('11', '01', '2027', '1'))).toBe('year');
    expect(failure(licence('11', '01', '2027', '1'), 2027)).toBeUndefined();
  });

  it('gives one specific message per failure through the schema', () => {
    expect(new Set(Object.values(LICENCE_NO_MESSAGES)).size).toBe(5);
    expect(licenceNoSchema.parse(' 11101200310476817 ')).toBe('11101200310476817');
    const cases: Record<LicenceNoFailure, string> = {
      length: '1110120031047681',
      digits: '1110120031047681A',
      type: licence('11', '01', '2003', '0'),
      province: licence('99', '01', '2003', '1'),
      year: licence('11', '01', '1970', '1'),
    };
    for (const [reason, value] of Object.entries(cases) as [LicenceNoFailure, string][]) {
      expect(licenceNoSchema.safeParse(value).error?.issues.map((i) => i.message)).toEqual([
        LICENCE_NO_MESSAGES[reason],
      ]);
    }
  });

  it('accepts any number built from the rules, and reads its parts back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MAINLAND),
        digits(2),
        fc.integer({ min: 1979, max: THIS_YEAR }),
        fc.integer({ min: 1, max: 9 }),
        digits(7),
        (province, city, year, category, rest) => {
          const result = validateLicenceNo(`1${province}${city}${year}${category}${rest}`, THIS_YEAR);
          expect(result).toMatchObject({
            ok: true,
            kind: 'current',
            provinceCode: province,
            firstLicenceYear: year,
            type: TYPES[category - 1],
          });
        },
      ),
    );
  });

  it('rejects a number whose version digit, category or year is out of range', () => {
    fc.assert(
      fc.property(digits(17), (value) => {
        const result = validateLicenceNo(value, THIS_YEAR);
        const year = Number(value.slice(5, 9));
        const structured =
          value.startsWith('1') &&
          MAINLAND.includes(value.slice(1, 3)) &&
          year >= 1979 &&
          year <= THIS_YEAR &&
          value.charAt(9) !== '0';
        expect(result.ok).toBe(structured);
      }),
    );
  });
});
