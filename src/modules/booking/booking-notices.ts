// Text messages to the lawyers of a meeting when its booking changes, and the day-before reminder. The
// listener runs inside the transaction of the change (BookingEvents), so a message about a change that
// rolled back never exists and a committed change always has its messages; the notify outbox sends them
// after the commit. Every message carries a dedupe key per booking, change and lawyer, so nothing that runs
// twice (a retried transaction, the reminder job on two nodes) can send one twice.
import { SHANGHAI_UTC_OFFSET_MINUTES, localDateOf } from '../../platform/calendar/local-date.js';
import type { Tx } from '../../platform/db/database.js';
import type { AfterCommit } from '../../platform/db/transactions.js';
import { clipText, MEETING_TEXT_LIMITS } from '../notify/booking-message-parts.js';
import type { NotificationRequest, NotifyService } from '../notify/notify-service.js';
import type { Locale } from '../notify/schemas.js';
import type { TemplateParams } from '../notify/templates.js';
import type { BookingChange, BookingChangeKind } from './booking-events.js';
import { describeCentreCancelReason, readCentreCancelReason } from './centre-cancel-reason.js';
import { centreNameIn, type CentreNames, type NoticeDirectory } from './notice-directory.js';
import type { BookingRepository, BookingRow } from './repository.js';

/** The templates of this file (others under 'booking.*', such as the waiting list's offer, are sent elsewhere). */
type ChangeTemplate =
  | 'booking.confirmed'
  | 'booking.awaiting_permission'
  | 'booking.permission_confirmed'
  | 'booking.cancelled'
  | 'booking.cancelled_late'
  | 'booking.cancelled_by_centre';
type BookingTemplate = ChangeTemplate | 'booking.reminder';

/** One message: a template with its params, typed together. */
type Message = { [K in BookingTemplate]: { template: K; params: TemplateParams<K> } }[BookingTemplate];

/**
 * The message each change sends. Null where there is nothing to tell: a lapsed hold never became a
 * meeting (the journey told the lawyer at once), and staff record attendance and no-shows with the lawyer
 * in front of them or in the day sheet; the strike a no-show brings is on the lawyer's account page.
 */
const TEMPLATE_OF: Record<BookingChangeKind, ChangeTemplate | null> = {
  confirmed: 'booking.confirmed',
  awaiting_permission: 'booking.awaiting_permission',
  permission_confirmed: 'booking.permission_confirmed',
  cancelled: 'booking.cancelled',
  cancelled_late: 'booking.cancelled_late',
  cancelled_by_centre: 'booking.cancelled_by_centre',
  expired: null,
  attended: null,
  no_show: null,
};

const NO_REASON: Record<Locale, string> = { 'zh-CN': '看守所未说明', en: 'none given' };

export class BookingNotices {
  constructor(
    private readonly repo: BookingRepository,
    private readonly directory: NoticeDirectory,
    private readonly notify: Pick<NotifyService, 'enqueue'>,
  ) {}

  /** The BookingEvents listener: queues the change's message to each lawyer of the meeting. */
  async onChange(tx: Tx, afterCommit: AfterCommit, change: BookingChange): Promise<void> {
    const template = TEMPLATE_OF[change.kind];
    if (!template) return;
    await this.tell(tx, afterCommit, change.booking, template, (b, centre, locale) => {
      const meeting = meetingParams(b, centre, locale);
      switch (template) {
        case 'booking.confirmed':
        case 'booking.permission_confirmed':
          return { template, params: { ...meeting, minutes: b.durationMinutes } };
        case 'booking.awaiting_permission':
        case 'booking.cancelled':
        case 'booking.cancelled_late':
          return { template, params: meeting };
        case 'booking.cancelled_by_centre':
          return { template, params: { ...meeting, reason: centreReasonIn(change, locale) } };
      }
    });
  }

  /** Queues the day-before reminder of a confirmed meeting to each of its lawyers; returns how many are new. */
  async remind(tx: Tx, afterCommit: AfterCommit, booking: BookingRow): Promise<number> {
    return this.tell(tx, afterCommit, booking, 'booking.reminder', (b, centre, locale) => ({
      template: 'booking.reminder',
      params: { ...meetingParams(b, centre, locale), minutes: b.durationMinutes },
    }));
  }

  private async tell(
    tx: Tx,
    afterCommit: AfterCommit,
    booking: BookingRow,
    template: BookingTemplate,
    compose: (b: BookingRow, centre: CentreNames | undefined, locale: Locale) => Message,
  ): Promise<number> {
    const lawyers = await this.repo.lawyersOf(tx, [booking.id]);
    const centre = await this.directory.centreNames(tx, booking.unitId);
    let queued = 0;
    for (const { lawyerUserId } of lawyers) {
      // Lawyers an administrator created registered no mobile number: they get no SMS.
      const contact = await this.directory.lawyerContact(tx, lawyerUserId);
      if (!contact) continue;
      const request: NotificationRequest<BookingTemplate> = {
        channel: 'sms',
        to: contact.mobile,
        userId: lawyerUserId,
        locale: contact.locale,
        dedupeKey: `${template}:${booking.id}:${lawyerUserId}`,
        ...compose(booking, centre, contact.locale),
      };
      const { created } = await this.notify.enqueue(tx, afterCommit, request);
      if (created) queued++;
    }
    return queued;
  }
}

/**
 * The centre's reason in the reader's language: a stored reason code is translated and the staff member's
 * own words kept (centre-cancel-reason.ts); free text (a refused permission) is read as an "other" reason.
 * The centre must give a reason; should none arrive, the lawyer is still told.
 */
function centreReasonIn(change: BookingChange, locale: Locale): string {
  const stored = change.booking.cancelReason?.trim();
  const reason = stored
    ? describeCentreCancelReason(readCentreCancelReason(stored), locale)
    : change.reason?.trim() || NO_REASON[locale];
  return clipText(reason, MEETING_TEXT_LIMITS.reason);
}

/** The centre (in the reader's language), the Shanghai date and the Shanghai start time of a meeting. */
function meetingParams(b: BookingRow, centre: CentreNames | undefined, locale: Locale) {
  return {
    centre: clipText(centreNameIn(centre, locale), MEETING_TEXT_LIMITS.centre),
    date: localDateOf(b.startsAt),
    time: shanghaiTimeOf(b.startsAt),
  };
}

/** 'HH:MM' on the Shanghai wall clock (UTC+8 all year; see local-date.ts). */
export function shanghaiTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16);
}
