// Proving a mobile number: a six-digit code sent by SMS, good for 10 minutes and 5 wrong tries, one code a
// minute and five an hour per number. Only a keyed hash of the code is stored, bound to its row, so a copy
// of the database neither reveals a code nor lets one be tried against another row.
import crypto from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Executor } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AppError } from '../../platform/http/errors.js';
import type { NotifyService } from '../notify/notify-service.js';
import { codeExhausted, codeExpired, codeNotSent, codeThrottled, codeWrong } from './errors.js';
import type { LawyerRepository } from './repository.js';
import type { VerificationCodeRequest, VerificationCodeSent } from './schemas.js';

export const CODE_TTL_MINUTES = 10;
export const MAX_FAILED_ATTEMPTS = 5;
export const RESEND_AFTER_MS = 60_000;
export const MAX_CODES_PER_HOUR = 5;
const PURPOSE = 'lawyer_registration';
const HASH_PURPOSE = 'mobile-verification-code';
const HOUR_MS = 3_600_000;

export class VerificationService {
  constructor(
    private readonly tx: Transactions,
    private readonly repo: LawyerRepository,
    private readonly notify: NotifyService,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** Sends a new code to the number (public: the person has no account yet). */
  async send(input: VerificationCodeRequest): Promise<VerificationCodeSent> {
    const now = this.clock.now();
    return this.tx.run(async (tx, afterCommit) => {
      // Two requests for one number at once must not both pass the throttle.
      await this.repo.lockMobile(tx, input.mobile);
      const sent = await this.repo.sentSince(tx, input.mobile, PURPOSE, new Date(now.getTime() - HOUR_MS));
      const last = sent.at(-1);
      if (last && now.getTime() - last.getTime() < RESEND_AFTER_MS) {
        throw codeThrottled(new Date(last.getTime() + RESEND_AFTER_MS), now);
      }
      if (sent.length >= MAX_CODES_PER_HOUR) {
        throw codeThrottled(new Date(sent[sent.length - MAX_CODES_PER_HOUR]!.getTime() + HOUR_MS), now);
      }
      const id = crypto.randomUUID();
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
      await this.repo.insertVerification(tx, {
        id,
        mobile: input.mobile,
        purpose: PURPOSE,
        codeHash: this.hashOf(id, code),
        createdAt: now,
        expiresAt,
      });
      await this.notify.enqueue(tx, afterCommit, {
        channel: 'sms',
        to: input.mobile,
        template: 'account.verification_code',
        params: { code, minutes: CODE_TTL_MINUTES },
        locale: input.locale,
      });
      return {
        expiresAt: expiresAt.toISOString(),
        resendAfter: new Date(now.getTime() + RESEND_AFTER_MS).toISOString(),
        resendAfterSeconds: RESEND_AFTER_MS / 1000,
      };
    });
  }

  /**
   * Checks a code against the latest one sent to the number and returns that code's id, to be consumed in
   * the transaction that uses it. A wrong code is counted (and committed) before the error is thrown.
   */
  async check(mobile: string, code: string): Promise<string> {
    const now = this.clock.now();
    const outcome = await this.tx.run(async (tx): Promise<{ id: string } | { error: AppError }> => {
      const latest = await this.repo.latestVerification(tx, mobile, PURPOSE, true);
      if (!latest || latest.consumedAt) return { error: codeNotSent() };
      if (latest.failedAttempts >= MAX_FAILED_ATTEMPTS) return { error: codeExhausted() };
      if (latest.expiresAt <= now) return { error: codeExpired() };
      if (!this.matches(latest.id, code, latest.codeHash)) {
        const failed = await this.repo.recordFailedAttempt(tx, latest.id);
        return {
          error: failed >= MAX_FAILED_ATTEMPTS ? codeExhausted() : codeWrong(MAX_FAILED_ATTEMPTS - failed),
        };
      }
      return { id: latest.id };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.id;
  }

  /** Uses the checked code up inside the caller's transaction; throws if it went stale meanwhile. */
  async consume(tx: Executor, verificationId: string): Promise<void> {
    if (!(await this.repo.consumeVerification(tx, verificationId, this.clock.now(), MAX_FAILED_ATTEMPTS))) {
      throw codeExpired();
    }
  }

  /** Removes codes that expired before the given time (a job). */
  async purge(before: Date): Promise<number> {
    return this.tx.run((tx) => this.repo.purgeVerifications(tx, before));
  }

  private hashOf(id: string, code: string): string {
    return this.secrets.keyedHash(HASH_PURPOSE, `${id}:${code}`);
  }

  private matches(id: string, code: string, stored: string): boolean {
    const given = Buffer.from(this.hashOf(id, code));
    const expected = Buffer.from(stored);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }
}
