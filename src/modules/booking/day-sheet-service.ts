// The day sheet: a centre's meetings on one date, session by session, in the order staff bring detainees
// out (seed 003: bringing them out beforehand halves the wait), with who cancelled what and why, and what
// staff may do with each booking now. Staff read it on screen, filtered, or take it to Excel as CSV.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { describeCentreCancelReason, readCentreCancelReason } from './centre-cancel-reason.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import type { CentreOpsRepository, DaySheetEntryRecord } from './centre-ops-repository.js';
import { staffActions } from './centre-ops-rules.js';
import { toCsv, UTF8_BOM } from './csv.js';
import type { DaySheetCancellation } from './day-sheet-schemas.js';
import { maskedIdNo } from './masked-id-no.js';
import type { BookingRepository } from './repository.js';
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
    private readonly ops: CentreOpsRepository,
    private readonly centres: CentreConfigService,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
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
        '取消说明',
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
        r.cancellation ? cancellationZh(r.cancellation) : '',
      ]),
    ];
    return UTF8_BOM + toCsv(table);
  }

  /** Every booking of the day in bring-out order, numbered before any filter so the numbers stay put. */
  private async rows(unitId: string, date: string): Promise<DaySheetRow[]> {
    const records = await this.ops.daySheetEntries(this.db, unitId, date);
    const lawyers = await this.repo.lawyerNamesOf(
      this.db,
      records.map((r) => r.bookingId),
    );
    const now = this.clock.now();
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
        detaineeIdNoMasked: maskedIdNo(r.detaineeIdNoHead, r.detaineeIdNoTail),
        bringOutOrder: BRING_OUT.includes(status) ? ++order : null,
        cancellation: cancellationOf(r),
        // Holds are not listed, so the hold's expiry never matters here.
        actions: staffActions({ ...r, holdExpiresAt: null }, now),
      };
    });
  }
}

function cancellationOf(r: DaySheetEntryRecord): DaySheetCancellation | null {
  if (r.status === 'cancelled_by_centre') {
    const reason = readCentreCancelReason(r.cancelReason);
    return {
      by: 'centre',
      byName: r.cancelledByName,
      at: r.cancelledAt?.toISOString() ?? null,
      reasonCode: reason.code,
      reason: reason.text,
    };
  }
  if (r.status === 'cancelled' || r.status === 'cancelled_late') {
    return {
      by: 'lawyer',
      byName: r.cancelledByName,
      at: r.cancelledAt?.toISOString() ?? null,
      reasonCode: null,
      reason: r.cancelReason,
    };
  }
  return null;
}

/** "看守所取消（李警官）：在押人员已转所" or "律师取消（王律师）：当事人已取保", for the CSV. */
function cancellationZh(c: DaySheetCancellation): string {
  const who = `${c.by === 'centre' ? '看守所取消' : '律师取消'}${c.byName ? `（${c.byName}）` : ''}`;
  const why = c.reasonCode
    ? describeCentreCancelReason({ code: c.reasonCode, text: c.reason }, 'zh-CN')
    : c.reason;
  return why ? `${who}：${why}` : who;
}

/** "09:30" in Beijing time (UTC+8 all year). */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
}
