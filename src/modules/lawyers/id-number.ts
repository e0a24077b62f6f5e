// Citizen ID numbers (公民身份号码, GB 11643-1999): a six-digit address code (GB/T 2260), the date of birth
// as YYYYMMDD, a three-digit sequence and an ISO 7064 MOD 11-2 check character (0–9 or X).
import { z } from 'zod';
import { isValidLocalDate, localDateOf, type LocalDate } from '../../platform/calendar/local-date.js';

/** Province-level codes of mainland China (GB/T 2260): the first two digits of an address code. */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', // 北京 天津 河北 山西 内蒙古
  '21', '22', '23', // 辽宁 吉林 黑龙江
  '31', '32', '33', '34', '35', '36', '37', // 上海 江苏 浙江 安徽 福建 江西 山东
  '41', '42', '43', '44', '45', '46', // 河南 湖北 湖南 广东 广西 海南
  '50', '51', '52', '53', '54', // 重庆 四川 贵州 云南 西藏
  '61', '62', '63', '64', '65', // 陕西 甘肃 青海 宁夏 新疆
]); // prettier-ignore

// 71 is Taiwan in GB/T 2260. Residence permits for Hong Kong, Macao and Taiwan residents carry a GB 11643
// number with address code 810000, 820000 or 830000 (港澳台居民居住证申领发放办法), so 83, though not a
// GB/T 2260 province, is a real first pair: a Taiwan-resident lawyer registers with one.
const ID_PROVINCE_CODES: ReadonlySet<string> = new Set([...MAINLAND_PROVINCE_CODES, '71', '81', '82', '83']);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Indexed by (weighted sum mod 11): the character that makes the whole number ≡ 1 (mod 11).
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdNoFailure = 'length' | 'characters' | 'province' | 'birth_date' | 'check_digit';

export type IdNoResult =
  { ok: true; idNo: string; provinceCode: string; birthDate: LocalDate } | { ok: false; reason: IdNoFailure };

/** English field errors, one per reason; Chinese in validation-messages.ts. */
export const ID_NO_MESSAGES: Readonly<Record<IdNoFailure, string>> = {
  length: 'an ID number has 18 characters',
  characters: 'an ID number is 17 digits followed by a digit or X',
  province: 'the first two digits are not a valid province code',
  birth_date: 'digits 7 to 14 are not a valid date of birth',
  check_digit: 'the last character does not match the rest of the number; check for a typing error',
};

/** The GB 11643 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17[index]);
  });
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Checks an ID number's structure. A lowercase x is accepted and returned as X.
 * `today` is the Shanghai date births may not be later than.
 */
export function validateIdNo(value: string, today: LocalDate = localDateOf(new Date())): IdNoResult {
  const idNo = value.trim().toUpperCase();
  if (idNo.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNo)) return { ok: false, reason: 'characters' };
  const provinceCode = idNo.slice(0, 2);
  if (!ID_PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: 'province' };
  const birthDate = `${idNo.slice(6, 10)}-${idNo.slice(10, 12)}-${idNo.slice(12, 14)}`;
  if (!isValidLocalDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    return { ok: false, reason: 'birth_date' };
  }
  // Checked last, so a mistyped digit in the date is reported as the date, which is easier to find.
  if (checkCharacter(idNo) !== idNo.charAt(17)) return { ok: false, reason: 'check_digit' };
  return { ok: true, idNo, provinceCode, birthDate };
}

/** An ID number for lists: the first six and last four characters, e.g. 110101********123X. */
export function maskIdNo(idNo: string): string {
  const value = idNo.trim().toUpperCase();
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** An ID number field: trimmed, x upper-cased, one specific error per failure. */
export const idNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const result = validateIdNo(value);
    if (!result.ok) {
      ctx.addIssue({
        code: 'custom',
        message: ID_NO_MESSAGES[result.reason],
        params: { reason: result.reason },
      });
    }
  });
