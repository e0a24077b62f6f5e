// The day sheet: a centre's meetings on one date, session by session, in the order staff bring detainees
// out (seed 003: bringing them out beforehand halves the wait). Staff read it on screen, filtered, or take
// it to Excel as CSV.
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { toCsv, UTF8_BOM } from './csv.js';
import type { BookingRepository } from './repository.js';
import { maskedFromTail } from './roster-admin-service.js';
import type { DaySheetQuery, DaySheetRow, DaySheetStatus, DaySheetView } from './schemas.js';

/** Bookings whose client is to be brought out: the meeting is (or was) expected to happen. */
const BRING_OUT: readonly DaySheetStatus[] = ['confirmed', 'attended', 'no_show'];

const STATUS_ZH: Record<DaySheetStatus, string> = {
  confirmed: '已确认',
  awaiting_permission: '待侦查机关许可',
  attended: '已会见',
  no_show: '爽约',
  cancelled: '已取消',
  cancelled_late: '逾期取消（计爽约）',
  cancelled_by_centre: '看守所取消',
};

const CHANNEL_ZH: Record<DaySheetRow['channel'], string> = { in_person: '当面会见', remote: '远程视频' };

export class DaySheetService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly audit: AuditRecorder,
  ) {}

  async forDay(actor: Actor, unitId: string, query: DaySheetQuery): Promise<DaySheetView> {
    await this.centres.requireCentre(actor, unitId);
    const sessions = await this.repo.sessionsBetween(this.db, unitId, query.date, query.date);
    const rows = (await this.rows(unitId, query.date)).filter(
      (r) =>
        (!query.sessionId || r.sessionId === query.sessionId) && (!query.status || r.status === query.status),
    );
    return {
      unitId,
      date: query.date,
      sessions: sessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        channel: s.channel as DaySheetRow['channel'],
        onlinePlaces: s.onlinePlaces,
        walkInPlaces: s.walkInPlaces,
        taken: s.taken,
      })),
      rows,
    };
  }

  /**
   * The whole day as CSV for Excel: UTF-8 with a byte-order mark, Chinese headings, Beijing times. Names
   * leave the system in the file, so the export is audited like a change.
   */
  async csv(actor: Actor, unitId: string, date: string, ctx: RequestContext): Promise<string> {
    await this.centres.requireCentre(actor, unitId);
    const rows = await this.rows(unitId, date);
    await this.tx.run((tx) =>
      this.audit.record(tx, context(actor, ctx), {
        action: 'booking.day_sheet_exported',
        subject: { type: 'facility', id: unitId },
        unitId,
        payload: { date, rows: rows.length },
      }),
    );
    const table = [
      [
        '提人顺序',
        '时段',
        '会见时间',
        '时长（分钟）',
        '方式',
        '会见室',
        '律师',
        '在押人员',
        '身份证号',
        '状态',
      ],
      ...rows.map((r) => [
        r.bringOutOrder === null ? '' : String(r.bringOutOrder),
        `${beijingTime(r.sessionStartsAt)}–${beijingTime(r.sessionEndsAt)}`,
        `${beijingTime(r.startsAt)}–${beijingTime(r.endsAt)}`,
        String(r.durationMinutes),
        CHANNEL_ZH[r.channel],
        r.roomName ?? '',
        r.lawyers.map((l) => l.displayName).join('、'),
        r.detaineeName,
        r.detaineeIdNoMasked,
        STATUS_ZH[r.status],
      ]),
    ];
    return UTF8_BOM + toCsv(table);
  }

  /** Every booking of the day in bring-out order, numbered before any filter so the numbers stay put. */
  private async rows(unitId: string, date: string): Promise<DaySheetRow[]> {
    const records = await this.repo.daySheetRows(this.db, unitId, date);
    const lawyers = await this.repo.lawyerNamesOf(
      this.db,
      records.map((r) => r.bookingId),
    );
    let order = 0;
    return records.map((r) => {
      const status = r.status as DaySheetStatus;
      return {
        bookingId: r.bookingId,
        sessionId: r.sessionId,
        sessionStartsAt: r.sessionStartsAt.toISOString(),
        sessionEndsAt: r.sessionEndsAt.toISOString(),
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        durationMinutes: r.durationMinutes,
        channel: r.channel as DaySheetRow['channel'],
        roomName: r.roomName,
        status,
        lawyers: lawyers
          .filter((l) => l.bookingId === r.bookingId)
          .map((l) => ({ displayName: l.displayName, username: l.username })),
        detaineeName: r.detaineeName,
        detaineeIdNoMasked: maskedFromTail(r.detaineeIdNoTail),
        bringOutOrder: BRING_OUT.includes(status) ? ++order : null,
      };
    });
  }
}

/** "09:30" in Beijing time (UTC+8 all year). */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
}
