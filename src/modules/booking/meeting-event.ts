// A booking as the event a lawyer's calendar shows, in the lawyer's language: shared by the one-meeting
// .ics file and the private feed, so both describe a meeting the same way and under the same UID (a
// downloaded file and the feed then update one event rather than making two). The client's name is left
// out on purpose: calendars sync to clouds the lawyer does not control. The summary names the centre.
import type { Locale } from '../notify/schemas.js';
import type { CalendarEvent } from './ics.js';
import { centreNameIn, type CentreNames } from './notice-directory.js';
import type { BookingRow } from './repository.js';

/** How each status shows in a calendar; a hold (or a lapsed one) is not a meeting and does not show. */
const CALENDAR_STATUS: Partial<Record<string, NonNullable<CalendarEvent['status']>>> = {
  confirmed: 'CONFIRMED',
  attended: 'CONFIRMED',
  no_show: 'CONFIRMED',
  awaiting_permission: 'TENTATIVE',
  cancelled: 'CANCELLED',
  cancelled_late: 'CANCELLED',
  cancelled_by_centre: 'CANCELLED',
};

const TEXT: Record<
  Locale,
  {
    summary: (centre: string) => string;
    cancelled: string;
    minutes: (n: number) => string;
    permission: string;
    documents: string;
    cancelledNote: string;
  }
> = {
  'zh-CN': {
    summary: (centre) => `律师会见 · ${centre}`,
    cancelled: '【已取消】',
    minutes: (n) => `会见时长 ${n} 分钟。`,
    permission: '须经侦查机关许可后方可会见。',
    documents: '请携带律师执业证、律师事务所证明和委托书或法律援助公函原件。',
    cancelledNote: '该会见预约已取消。',
  },
  en: {
    summary: (centre) => `Lawyer meeting · ${centre}`,
    cancelled: 'Cancelled: ',
    minutes: (n) => `Meeting of ${n} minutes.`,
    permission: 'The meeting needs the investigating authority’s permission first.',
    documents:
      'Bring the originals of your lawyer’s licence, the firm’s letter and the power of attorney or legal-aid letter.',
    cancelledNote: 'This booking is cancelled.',
  },
};

/** True for the statuses a calendar shows. */
export function showsInCalendar(status: string): boolean {
  return CALENDAR_STATUS[status] !== undefined;
}

/** The event for a booking, or undefined for a hold, which is not a meeting yet. */
export function meetingEvent(
  b: BookingRow,
  centre: CentreNames | undefined,
  locale: Locale,
): CalendarEvent | undefined {
  const status = CALENDAR_STATUS[b.status];
  if (!status) return undefined;
  const text = TEXT[locale];
  const name = centreNameIn(centre, locale);
  const changed = lastChangeOf(b);
  const description =
    status === 'CANCELLED'
      ? [text.cancelledNote]
      : [
          text.minutes(b.durationMinutes),
          ...(status === 'TENTATIVE' ? [text.permission] : []),
          text.documents,
        ];
  return {
    uid: `booking-${b.id}@custos`,
    // The time of the last change rather than of the download: the same booking gives the same bytes, so
    // a feed's ETag holds until something really changes.
    stamp: changed,
    lastModified: changed,
    // Each change a calendar must apply over a copy it holds: the permission confirmed, the cancellation.
    sequence: (b.permissionConfirmedAt ? 1 : 0) + (b.cancelledAt ? 1 : 0),
    start: b.startsAt,
    end: b.endsAt,
    summary: status === 'CANCELLED' ? `${text.cancelled}${text.summary(name)}` : text.summary(name),
    location: name,
    description: description.join('\n'),
    status,
  };
}

function lastChangeOf(b: BookingRow): Date {
  const times = [b.createdAt, b.confirmedAt, b.permissionConfirmedAt, b.cancelledAt]
    .filter((t): t is Date => t !== null)
    .map((t) => t.getTime());
  return new Date(Math.max(...times));
}
