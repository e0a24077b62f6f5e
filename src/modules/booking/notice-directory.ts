// What the booking messages and the calendar feed need to know from outside the booking module: a lawyer's
// mobile number and language (the lawyers module), a centre's names and whether an account may still use
// its feed (identity). The composition root adapts those modules' reads to this port. Every read takes the
// caller's executor, because the messages are written inside the booking's own transaction (on the
// embedded database a read through another handle would wait for that transaction for ever).
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../notify/schemas.js';

export interface LawyerContact {
  /** The 11 digits the lawyer verified at registration. */
  mobile: string;
  /** The language the lawyer chose for their messages. */
  locale: Locale;
}

export interface CentreNames {
  name: string;
  nameEn: string;
}

export interface NoticeDirectory {
  /**
   * The lawyer's contact, or undefined for a lawyer an administrator created: they registered nothing, so
   * there is no number to text and they get no SMS.
   */
  lawyerContact(db: Executor, userId: string): Promise<LawyerContact | undefined>;
  centreNames(db: Executor, unitId: string): Promise<CentreNames | undefined>;
  /** True for an active account with the lawyer role: a disabled account's feed stops answering. */
  isActiveLawyer(db: Executor, userId: string): Promise<boolean>;
}

/** The centre's name in the reader's language; a centre that cannot be found is named generically. */
export function centreNameIn(names: CentreNames | undefined, locale: Locale): string {
  const name = (locale === 'en' ? names?.nameEn || names?.name : names?.name)?.trim();
  return name || (locale === 'en' ? 'the detention centre' : '看守所');
}
