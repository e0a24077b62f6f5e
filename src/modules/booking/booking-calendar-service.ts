// A booking as a calendar file for the lawyers of that meeting, and nobody else: even the centre's staff
// have the day sheet instead. The client's name is left out on purpose, since calendars sync to clouds the
// lawyer does not control; the summary names the centre.
import type { Clock } from '../../platform/clock.js';
import { localDateOf } from '../../platform/calendar/local-date.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/actor.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import { requireRole } from '../identity/policy.js';
import { bookingNotFound, notYourBooking, wrongState } from './errors.js';
import { calendarFile, type CalendarEvent } from './ics.js';
import type { BookingRepository } from './repository.js';

const STATUS: Record<string, CalendarEvent['status']> = {
  confirmed: 'CONFIRMED',
  attended: 'CONFIRMED',
  no_show: 'CONFIRMED',
  awaiting_permission: 'TENTATIVE',
  cancelled: 'CANCELLED',
  cancelled_late: 'CANCELLED',
  cancelled_by_centre: 'CANCELLED',
};

export class BookingCalendarService {
  constructor(
    private readonly db: Db,
    private readonly repo: BookingRepository,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
  ) {}

  async icsFor(actor: Actor, bookingId: string): Promise<{ filename: string; body: string }> {
    requireRole(actor, 'lawyer');
    const b = await this.repo.bookingById(this.db, bookingId);
    if (!b) throw bookingNotFound();
    const lawyers = await this.repo.lawyersOf(this.db, [b.id]);
    if (!lawyers.some((l) => l.lawyerUserId === actor.userId)) throw notYourBooking();
    const status = STATUS[b.status];
    // A hold is not a meeting yet, and a lapsed one never will be.
    if (!status) throw wrongState();
    const centre = (await this.org.unit(b.unitId))?.name ?? '看守所';
    const body = calendarFile({
      uid: `booking-${b.id}@custos`,
      stamp: this.clock.now(),
      start: b.startsAt,
      end: b.endsAt,
      summary: `律师会见 · ${centre}`,
      location: centre,
      description: [
        `会见时长 ${b.durationMinutes} 分钟。`,
        status === 'TENTATIVE' ? '须经侦查机关许可后方可会见。' : null,
        '请携带律师执业证、律师事务所证明和委托书或法律援助公函原件。',
      ]
        .filter((line): line is string => line !== null)
        .join('\n'),
      status,
    });
    return { filename: `custos-meeting-${localDateOf(b.startsAt)}.ics`, body };
  }
}
