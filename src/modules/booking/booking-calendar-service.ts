// A booking as a calendar file for the lawyers of that meeting, and nobody else: even the centre's staff
// have the day sheet instead. Written in the lawyer's language, as the feed is (meeting-event.ts).
import { localDateOf } from '../../platform/calendar/local-date.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import { bookingNotFound, notYourBooking, wrongState } from './errors.js';
import { calendarFile } from './ics.js';
import { meetingEvent } from './meeting-event.js';
import type { NoticeDirectory } from './notice-directory.js';
import type { BookingRepository } from './repository.js';

export class BookingCalendarService {
  constructor(
    private readonly db: Db,
    private readonly repo: BookingRepository,
    private readonly directory: NoticeDirectory,
  ) {}

  async icsFor(actor: Actor, bookingId: string): Promise<{ filename: string; body: string }> {
    requireRole(actor, 'lawyer');
    const b = await this.repo.bookingById(this.db, bookingId);
    if (!b) throw bookingNotFound();
    const lawyers = await this.repo.lawyersOf(this.db, [b.id]);
    if (!lawyers.some((l) => l.lawyerUserId === actor.userId)) throw notYourBooking();
    const locale = (await this.directory.lawyerContact(this.db, actor.userId))?.locale ?? 'zh-CN';
    const event = meetingEvent(b, await this.directory.centreNames(this.db, b.unitId), locale);
    // A hold is not a meeting yet, and a lapsed one never will be.
    if (!event) throw wrongState();
    return { filename: `custos-meeting-${localDateOf(b.startsAt)}.ics`, body: calendarFile(event) };
  }
}
