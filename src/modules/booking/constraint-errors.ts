// Turns the database's refusals into the booking errors people read. The database decides (capacity CHECK,
// exclusion constraints); this only names what it decided.
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { AppError } from '../../platform/http/errors.js';
import { detaineeBusy, lawyerBusy, sessionFull, tooManyLawyers } from './errors.js';

const BY_CONSTRAINT: Record<string, () => AppError> = {
  booking_session_capacity_check: sessionFull,
  booking_detainee_no_overlap: detaineeBusy,
  booking_lawyer_no_overlap: lawyerBusy,
  booking_lawyer_limit: tooManyLawyers,
};

export function bookingRefusal(error: unknown): AppError | undefined {
  const pg = pgErrorOf(error);
  return pg?.constraint ? BY_CONSTRAINT[pg.constraint]?.() : undefined;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' && pg.constraint === constraint;
}
