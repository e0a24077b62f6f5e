// What a lawyer sees before booking: each bookable day of a centre with its sessions and the places left.
// Dated sessions are made from the templates the first time a day comes into the window.
import type { Clock } from '../../platform/clock.js';
import type { CalendarProvider } from '../../platform/calendar/calendar-provider.js';
import { addDays, localDateOf, type LocalDate } from '../../platform/calendar/local-date.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { notFound, msg } from '../../platform/http/errors.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import type { CentreConfigService } from './centre-config-service.js';
import { meetsNotice } from './booking-rules.js';
import type { BookingRepository, SessionRow } from './repository.js';
import type { FacilitySettings, SessionView } from './schemas.js';
import { bookableDates, sessionsFor } from './session-calendar.js';

export class AvailabilityService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly org: OrgDirectory,
    /** The calendar in force, re-checked per request: an admin's added year counts at once. */
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** Bookable days of a centre; open to every signed-in lawyer (remaining places are public, seed 003). */
  async forCentre(
    unitId: string,
  ): Promise<{ unitId: string; days: { date: string; remaining: number; sessions: SessionView[] }[] }> {
    const unit = await this.org.unit(unitId);
    if (!unit || unit.kind !== 'detention_centre') {
      throw notFound('booking.centre_not_found', msg('找不到该看守所。', 'No such detention centre.'));
    }
    const settings = await this.centres.settingsOf(unitId);
    const now = this.clock.now();
    const dates = await this.datesOpen(unitId, settings, now);
    if (dates.length === 0) return { unitId, days: [] };
    const sessions = await this.ensureSessions(unitId, dates);
    // Places of lapsed holds the sweep job has not reached yet are free: counted, not written, so that
    // looking at the calendar never takes a lock.
    const lapsed = await this.repo.lapsedHoldCounts(
      this.db,
      sessions.filter((s) => s.taken > 0).map((s) => s.id),
      now,
    );
    const days = dates.map((date) => {
      const list = sessions
        .filter(
          (s) =>
            s.date === date && meetsNotice(s.startsAt, now, settings.minNoticeHours) && s.onlinePlaces > 0,
        )
        .map((s) => presentSession(s, lapsed.get(s.id) ?? 0));
      return { date, remaining: list.reduce((n, s) => n + s.remaining, 0), sessions: list };
    });
    return { unitId, days };
  }

  /** True when the session lies in the centre's booking window and far enough ahead. */
  async isOpenForBooking(session: SessionRow, settings: FacilitySettings, now: Date): Promise<boolean> {
    if (!meetsNotice(session.startsAt, now, settings.minNoticeHours)) return false;
    return (await this.datesOpen(session.unitId, settings, now)).includes(session.date as LocalDate);
  }

  private async datesOpen(unitId: string, settings: FacilitySettings, now: Date): Promise<LocalDate[]> {
    const today = localDateOf(now);
    // The window is at most 30 working days; 60 calendar days of closures cover it with room for holidays.
    const closed = await this.repo.closedDates(this.db, unitId, today, addDays(today, 60));
    return bookableDates(
      await this.calendars.current(),
      today,
      settings.bookingWindowWorkingDays,
      closed.map((c) => c.date as LocalDate),
    );
  }

  /** The dated sessions for these dates, creating any that the templates call for and that do not exist yet. */
  private async ensureSessions(unitId: string, dates: LocalDate[]): Promise<SessionRow[]> {
    const from = dates[0]!;
    const to = dates.at(-1)!;
    const existing = await this.repo.sessionsBetween(this.db, unitId, from, to);
    const have = new Set(existing.map((s) => `${s.templateId}|${s.date}`));
    const templates = await this.repo.templates(this.db, unitId, true);
    const missing = sessionsFor(unitId, templates, dates).filter(
      (s) => !have.has(`${s.templateId}|${s.date}`),
    );
    if (missing.length === 0) return existing;
    await this.tx.run((tx) => this.repo.insertSessions(tx, missing));
    return this.repo.sessionsBetween(this.db, unitId, from, to);
  }
}

function presentSession(s: SessionRow, lapsedHolds: number): SessionView {
  return {
    id: s.id,
    date: s.date,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    channel: s.channel as SessionView['channel'],
    durations: s.durations,
    onlinePlaces: s.onlinePlaces,
    remaining: s.onlinePlaces - s.taken + lapsedHolds,
  };
}
