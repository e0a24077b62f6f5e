// The waiting list's reaction to booking changes. A place freed in a full session (a cancellation, a
// lapsed hold) is offered, in the transaction that freed it, to the earliest lawyer still waiting: a hold
// in their name, counted against capacity like any other, and an SMS. No one else can take the place in
// between, because the freeing transaction holds the session's row until it commits with the offer.
// Completing the hold books the entry; letting it lapse or declining it passes the place to the next.
import type { Clock } from '../../platform/clock.js';
import { SHANGHAI_UTC_OFFSET_MINUTES } from '../../platform/calendar/local-date.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { AfterCommit } from '../../platform/db/transactions.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { NotifyService } from '../notify/notify-service.js';
import type { BookingChange } from './booking-events.js';
import { DEFAULT_SETTINGS } from './centre-config-service.js';
import type { BookingRepository, BookingRow, SessionRow } from './repository.js';
import type { WaitlistEntryRow, WaitlistRepository } from './waitlist-repository.js';
import { offerHoldMinutes } from './waitlist-schemas.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The waiting list acts on its own behalf in the audit log. */
const SYSTEM: AuditContext = { actor: { userId: null, username: 'system:waitlist' } };

/** Why an entry was passed over for an offer. */
export type SkipReason = 'inactive' | 'not_approved' | 'suspended' | 'lawyer_busy' | 'duration_unavailable';

/** What the waiting list needs from the lawyers module, read through the caller's transaction. */
export interface WaitlistLawyers {
  refusal(
    ex: Executor,
    lawyerUserId: string,
    unitId: string,
    now: Date,
  ): Promise<'inactive' | 'not_approved' | 'suspended' | null>;
  smsContact(
    ex: Executor,
    lawyerUserId: string,
  ): Promise<{ mobile: string; locale: 'zh-CN' | 'en' } | undefined>;
}

/** A centre's names for the SMS, read through the caller's transaction. */
export interface CentreNames {
  namesOf(ex: Executor, unitId: string): Promise<{ name: string; nameEn: string } | undefined>;
}

type Outcome = 'offered' | 'skipped' | 'full';

export class WaitlistOffers {
  constructor(
    private readonly repo: WaitlistRepository,
    private readonly bookings: BookingRepository,
    private readonly lawyers: WaitlistLawyers,
    private readonly centres: CentreNames,
    private readonly notify: Pick<NotifyService, 'enqueue'>,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** The BookingEvents listener. */
  async onBookingChange(tx: Tx, afterCommit: AfterCommit, change: BookingChange): Promise<void> {
    switch (change.kind) {
      case 'confirmed':
      case 'awaiting_permission':
        await this.settleOffer(tx, change, 'booked');
        return;
      case 'expired':
        await this.settleOffer(tx, change, 'lapsed');
        await this.offerFreePlaces(tx, afterCommit, change.booking.sessionId);
        return;
      case 'cancelled':
      case 'cancelled_late':
        // The offered lawyer gave the hold up (released it in the journey, or cancelled it).
        await this.settleOffer(tx, change, 'withdrawn');
        await this.offerFreePlaces(tx, afterCommit, change.booking.sessionId);
        return;
      case 'cancelled_by_centre':
        await this.settleOffer(tx, change, 'closed');
        await this.offerFreePlaces(tx, afterCommit, change.booking.sessionId);
        return;
      case 'permission_confirmed':
      case 'attended':
      case 'no_show':
        return;
    }
  }

  /**
   * Offers each free place of the session to the earliest waiting lawyer who can take it, while the
   * session is still far enough ahead for the centre's minimum notice (an offer is a booking like any
   * other; later, the place is left for walk-ins). Called inside the transaction that freed a place.
   */
  async offerFreePlaces(tx: Tx, afterCommit: AfterCommit, sessionId: string): Promise<number> {
    const session = await this.bookings.session(tx, sessionId);
    if (!session) return 0;
    const now = this.clock.now();
    const settings = await this.bookings.settings(tx, session.unitId);
    const noticeHours = settings?.minNoticeHours ?? DEFAULT_SETTINGS.minNoticeHours;
    if (session.startsAt.getTime() <= now.getTime() + noticeHours * HOUR_MS) return 0;
    // Longer than a hold made at the screen: see OFFER_MIN_HOLD_MINUTES.
    const holdMinutes = offerHoldMinutes(settings?.holdMinutes ?? DEFAULT_SETTINGS.holdMinutes);
    let free = session.onlinePlaces - session.taken;
    let offered = 0;
    while (free > 0) {
      const entry = await this.repo.nextWaiting(tx, session.id);
      if (!entry) break;
      const outcome = await this.offerTo(tx, afterCommit, session, entry, holdMinutes, now);
      if (outcome === 'full') break;
      if (outcome === 'offered') {
        free--;
        offered++;
      }
    }
    return offered;
  }

  /** Marks the entry whose offered hold just changed: booked, lapsed, withdrawn or closed. */
  private async settleOffer(
    tx: Tx,
    change: BookingChange,
    status: 'booked' | 'lapsed' | 'withdrawn' | 'closed',
  ): Promise<void> {
    const entry = await this.repo.offeredEntryOf(tx, change.booking);
    if (!entry) return;
    await this.repo.updateEntry(tx, entry.id, { status, updatedAt: this.clock.now() });
    await this.audit.record(tx, SYSTEM, {
      action: `waitlist.offer_${status}`,
      subject: { type: 'waitlist_entry', id: entry.id },
      unitId: entry.unitId,
      payload: {
        sessionId: entry.sessionId,
        lawyerUserId: entry.lawyerUserId,
        bookingId: change.booking.id,
        bookingChange: change.kind,
        byUserId: change.actorUserId,
      },
    });
  }

  private async offerTo(
    tx: Tx,
    afterCommit: AfterCommit,
    session: SessionRow,
    entry: WaitlistEntryRow,
    holdMinutes: number,
    now: Date,
  ): Promise<Outcome> {
    const refusal = await this.lawyers.refusal(tx, entry.lawyerUserId, session.unitId, now);
    if (refusal) return this.skip(tx, entry, refusal);
    const endsAt = new Date(session.startsAt.getTime() + entry.durationMinutes * MINUTE_MS);
    if (!session.durations.includes(entry.durationMinutes) || endsAt > session.endsAt) {
      return this.skip(tx, entry, 'duration_unavailable');
    }
    // Never past the session's start, so a late offer cannot outlive the meeting.
    const holdExpiresAt = new Date(
      Math.min(now.getTime() + holdMinutes * MINUTE_MS, session.startsAt.getTime()),
    );
    let hold: BookingRow;
    try {
      // A savepoint: a refusal by the database undoes this insert only, not the change that freed the place.
      hold = await tx.transaction((sp) =>
        this.bookings.insertBooking(
          sp,
          {
            unitId: session.unitId,
            sessionId: session.id,
            bookedBy: entry.lawyerUserId,
            status: 'held',
            startsAt: session.startsAt,
            endsAt,
            durationMinutes: entry.durationMinutes,
            holdExpiresAt,
            createdAt: now,
          },
          [entry.lawyerUserId],
        ),
      );
    } catch (error) {
      const constraint = pgErrorOf(error)?.constraint;
      // The lawyer has since booked another meeting at that time.
      if (constraint === 'booking_lawyer_no_overlap') return this.skip(tx, entry, 'lawyer_busy');
      if (constraint === 'booking_session_capacity_check') return 'full';
      throw error;
    }
    await this.repo.updateEntry(tx, entry.id, {
      status: 'offered',
      offerBookingId: hold.id,
      offeredAt: now,
      updatedAt: now,
    });
    await this.audit.record(tx, SYSTEM, {
      action: 'booking.held',
      subject: { type: 'booking', id: hold.id },
      unitId: hold.unitId,
      payload: {
        sessionId: session.id,
        startsAt: hold.startsAt.toISOString(),
        durationMinutes: hold.durationMinutes,
        lawyerUserId: entry.lawyerUserId,
        waitlistEntryId: entry.id,
      },
    });
    await this.audit.record(tx, SYSTEM, {
      action: 'waitlist.offered',
      subject: { type: 'waitlist_entry', id: entry.id },
      unitId: entry.unitId,
      payload: {
        sessionId: session.id,
        lawyerUserId: entry.lawyerUserId,
        bookingId: hold.id,
        holdExpiresAt: holdExpiresAt.toISOString(),
      },
    });
    await this.sendOffer(tx, afterCommit, entry, hold, holdExpiresAt);
    return 'offered';
  }

  private async skip(tx: Tx, entry: WaitlistEntryRow, reason: SkipReason): Promise<Outcome> {
    await this.repo.updateEntry(tx, entry.id, { status: 'closed', updatedAt: this.clock.now() });
    await this.audit.record(tx, SYSTEM, {
      action: 'waitlist.skipped',
      subject: { type: 'waitlist_entry', id: entry.id },
      unitId: entry.unitId,
      payload: { sessionId: entry.sessionId, lawyerUserId: entry.lawyerUserId, reason },
    });
    return 'skipped';
  }

  /** The SMS, for lawyers who registered a mobile; the portal shows the offer to every lawyer. */
  private async sendOffer(
    tx: Tx,
    afterCommit: AfterCommit,
    entry: WaitlistEntryRow,
    hold: BookingRow,
    until: Date,
  ): Promise<void> {
    const contact = await this.lawyers.smsContact(tx, entry.lawyerUserId);
    if (!contact) return;
    const names = await this.centres.namesOf(tx, hold.unitId);
    await this.notify.enqueue(tx, afterCommit, {
      channel: 'sms',
      to: contact.mobile,
      userId: entry.lawyerUserId,
      template: 'booking.waitlist_offer',
      params: {
        centre: ((contact.locale === 'en' && names?.nameEn) || names?.name || '—').slice(0, 100),
        startsAt: beijing(hold.startsAt).replace('T', ' '),
        until: beijing(until).slice(11),
      },
      locale: contact.locale,
      dedupeKey: `booking.waitlist_offer:${hold.id}`,
    });
  }
}

/** "2026-11-27T09:00" in Beijing time (UTC+8 all year). */
function beijing(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * MINUTE_MS).toISOString().slice(0, 16);
}
