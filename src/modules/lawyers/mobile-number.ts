// Mainland China mobile numbers: 11 digits, 13x to 19x. People paste them with a country code or with
// spaces and hyphens; those are removed so one number has one stored form (SMS gateways take the 11 digits).
import { z } from 'zod';

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** English field error; Chinese in validation-messages.ts. */
export const MOBILE_MESSAGE = 'a mainland China mobile number: 11 digits starting with 13 to 19';

/** Drops spaces, hyphens and a +86, 0086 or 86 country code; the result is not yet checked. */
export function normaliseMobile(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  // Bare 86 only in front of a full 11-digit number: no mobile number itself starts with 86.
  if (compact.length === 13 && compact.startsWith('86')) return compact.slice(2);
  return compact;
}

export function isValidMobile(value: string): boolean {
  return MOBILE_PATTERN.test(normaliseMobile(value));
}

/** A mobile number field, normalised to its 11 digits. */
export const mobileSchema = z
  .string()
  .trim()
  .overwrite(normaliseMobile)
  .regex(MOBILE_PATTERN, MOBILE_MESSAGE);
