// Lawyer licence numbers (律师执业证号). The Ministry of Justice numbering rules in force since 2009 give
// 17 digits. No copy of the rules themselves was found; three public sources that restate them agree:
//   1      certificate version: 1 for the lawyer's licence and the lawyer's work certificate alike
//   2–3    province of the practice institution (GB/T 2260)
//   4–5    its city, or district of a municipality
//   6–9    year the holder was first licensed
//   10     practice category: 1 full-time, 2 part-time, 3 Hong Kong resident, 4 Macao resident,
//          5 Taiwan resident, 6 public-service, 7 company, 8 legal aid, 9 military
//   11     sex (0 male, 1 female; two of the three sources)
//   12–17  serial number
// Validated: digits 1, 2–3, 6–9 and 10, on which the sources agree. Not validated: digits 4–5 (that needs
// the full city table), 11 (one source breaks off before it) and the serial. The province is where the firm is, so only mainland codes apply, whatever the lawyer's
// residence. Numbers from before 2009 had 12 digits; their structure could not be sourced, so a legacy
// number is accepted on its length and a mainland province code in its first two digits, nothing more.
import { z } from 'zod';
import { localDateOf, yearOf } from '../../platform/calendar/local-date.js';
import { MAINLAND_PROVINCE_CODES } from './id-number.js';

// The lawyer system was restored in 1979; no licence was first issued before then.
const EARLIEST_FIRST_LICENCE_YEAR = 1979;

const PRACTICE_CATEGORIES = {
  '1': 'full_time',
  '2': 'part_time',
  '3': 'hong_kong_resident',
  '4': 'macao_resident',
  '5': 'taiwan_resident',
  '6': 'public_service',
  '7': 'company',
  '8': 'legal_aid',
  '9': 'military',
} as const;
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[keyof typeof PRACTICE_CATEGORIES];

export type LicenceNoFailure = 'length' | 'digits' | 'type' | 'province' | 'year';

export type LicenceNoResult =
  | {
      ok: true;
      kind: 'current';
      licenceNo: string;
      type: PracticeCategory;
      provinceCode: string;
      firstLicenceYear: number;
    }
  | { ok: true; kind: 'legacy'; licenceNo: string; provinceCode: string }
  | { ok: false; reason: LicenceNoFailure };

/** English field errors, one per reason; Chinese in validation-messages.ts. */
export const LICENCE_NO_MESSAGES: Readonly<Record<LicenceNoFailure, string>> = {
  length: 'a licence number has 17 digits (12 on a licence issued before 2009)',
  digits: 'a licence number contains digits only',
  type: 'the 1st digit must be 1 and the 10th a practice category from 1 to 9',
  province: 'the province code (digits 2–3, or 1–2 on a 12-digit licence) is not valid',
  year: 'digits 6–9 are not a possible year of first licence (1979 to this year)',
};

function isPracticeCategoryDigit(digit: string): digit is keyof typeof PRACTICE_CATEGORIES {
  return Object.hasOwn(PRACTICE_CATEGORIES, digit);
}

/** Checks a licence number's structure; `currentYear` bounds the year of first licence. */
export function validateLicenceNo(
  value: string,
  currentYear: number = yearOf(localDateOf(new Date())),
): LicenceNoResult {
  const licenceNo = value.trim();
  if (!/^\d*$/.test(licenceNo)) return { ok: false, reason: 'digits' };
  if (licenceNo.length === 12) {
    const provinceCode = licenceNo.slice(0, 2);
    if (!MAINLAND_PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: 'province' };
    return { ok: true, kind: 'legacy', licenceNo, provinceCode };
  }
  if (licenceNo.length !== 17) return { ok: false, reason: 'length' };
  if (licenceNo.charAt(0) !== '1') return { ok: false, reason: 'type' };
  const provinceCode = licenceNo.slice(1, 3);
  if (!MAINLAND_PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: 'province' };
  const firstLicenceYear = Number(licenceNo.slice(5, 9));
  if (firstLicenceYear < EARLIEST_FIRST_LICENCE_YEAR || firstLicenceYear > currentYear) {
    return { ok: false, reason: 'year' };
  }
  const category = licenceNo.charAt(9);
  if (!isPracticeCategoryDigit(category)) return { ok: false, reason: 'type' };
  return {
    ok: true,
    kind: 'current',
    licenceNo,
    type: PRACTICE_CATEGORIES[category],
    provinceCode,
    firstLicenceYear,
  };
}

/** A licence number field: trimmed, one specific error per failure. */
export const licenceNoSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = validateLicenceNo(value);
    if (!result.ok) {
      ctx.addIssue({
        code: 'custom',
        message: LICENCE_NO_MESSAGES[result.reason],
        params: { reason: result.reason },
      });
    }
  });
