// What a detention centre's staff configure: booking rules, rooms and terminals, weekly session templates,
// closed dates. Each change is checked against the staff member's own centre and audited with the change.
import type { Clock } from '../../platform/clock.js';
import { addDays, localDateOf } from '../../platform/calendar/local-date.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { notFound, msg } from '../../platform/http/errors.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import { requireUnitAccess } from '../identity/policy.js';
import { notACentre } from './errors.js';
import type { BookingRepository, RoomRow, SettingsRow, TemplateRow } from './repository.js';
import type { FacilitySettings, TemplateInput } from './schemas.js';

/** Rules a centre has until its staff change them: Pudong's and Shenzhen's practice (DOMAIN.md). */
export const DEFAULT_SETTINGS: FacilitySettings = {
  bookingWindowWorkingDays: 5,
  minNoticeHours: 2,
  cancellationDeadlineHours: 24,
  strikeThreshold: 3,
  strikeWindowDays: 90,
  suspensionDays: 30,
  holdMinutes: 10,
  maxBookingsPerDetaineePerWeek: null,
};

export class CentreConfigService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly org: OrgDirectory,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** The centre a staff member may configure; throws unless it is a centre in their reach. */
  async requireCentre(actor: Actor, unitId: string) {
    const unit = await this.org.unit(unitId);
    if (!unit) throw notFound('unit.not_found', msg('找不到该单位。', 'No such unit.'));
    requireUnitAccess(actor, 'centre_staff', unit.path);
    if (unit.kind !== 'detention_centre') throw notACentre();
    return unit;
  }

  /** The rules in force for a centre (readable by anyone who may book there). */
  async settingsOf(unitId: string): Promise<FacilitySettings> {
    const row = await this.repo.settings(this.db, unitId);
    return row ? toSettings(row) : DEFAULT_SETTINGS;
  }

  async updateSettings(actor: Actor, unitId: string, input: FacilitySettings, ctx: RequestContext) {
    await this.requireCentre(actor, unitId);
    return this.tx.run(async (tx) => {
      const saved = await this.repo.upsertSettings(tx, { unitId, ...input });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.settings_changed',
        subject: { type: 'facility', id: unitId },
        unitId,
        payload: { ...input },
      });
      return toSettings(saved);
    });
  }

  async rooms(actor: Actor, unitId: string): Promise<RoomRow[]> {
    await this.requireCentre(actor, unitId);
    return this.repo.rooms(this.db, unitId);
  }

  async addRoom(actor: Actor, unitId: string, input: { name: string; channel: string }, ctx: RequestContext) {
    await this.requireCentre(actor, unitId);
    return this.tx.run(async (tx) => {
      const room = await this.repo.insertRoom(tx, { unitId, ...input });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.room_added',
        subject: { type: 'meeting_room', id: room.id },
        unitId,
        payload: { ...input },
      });
      return room;
    });
  }

  async templates(actor: Actor, unitId: string): Promise<TemplateRow[]> {
    await this.requireCentre(actor, unitId);
    return this.repo.templates(this.db, unitId, false);
  }

  async addTemplate(actor: Actor, unitId: string, input: TemplateInput, ctx: RequestContext) {
    await this.requireCentre(actor, unitId);
    return this.tx.run(async (tx) => {
      const template = await this.repo.insertTemplate(tx, { unitId, ...input });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.template_added',
        subject: { type: 'session_template', id: template.id },
        unitId,
        payload: { ...input },
      });
      return template;
    });
  }

  /** The centre's own closed dates from today on (public holidays come from the business calendar). */
  async closedDatesAhead(actor: Actor, unitId: string): Promise<{ date: string; reason: string }[]> {
    await this.requireCentre(actor, unitId);
    const today = localDateOf(this.clock.now());
    return this.repo.closedDates(this.db, unitId, today, addDays(today, 366));
  }

  async closeDate(
    actor: Actor,
    unitId: string,
    input: { date: string; reason: string },
    ctx: RequestContext,
  ) {
    await this.requireCentre(actor, unitId);
    await this.tx.run(async (tx) => {
      await this.repo.insertClosedDate(tx, {
        unitId,
        ...input,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.date_closed',
        subject: { type: 'facility', id: unitId },
        unitId,
        payload: { ...input },
      });
    });
  }
}

function toSettings(row: SettingsRow): FacilitySettings {
  return {
    bookingWindowWorkingDays: row.bookingWindowWorkingDays,
    minNoticeHours: row.minNoticeHours,
    cancellationDeadlineHours: row.cancellationDeadlineHours,
    strikeThreshold: row.strikeThreshold,
    strikeWindowDays: row.strikeWindowDays,
    suspensionDays: row.suspensionDays,
    holdMinutes: row.holdMinutes,
    maxBookingsPerDetaineePerWeek: row.maxBookingsPerDetaineePerWeek,
  };
}

export function context(actor: Actor, ctx: RequestContext): AuditContext {
  return { actor: { userId: actor.userId, username: actor.username }, ...ctx };
}
