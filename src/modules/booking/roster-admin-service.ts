// What centre staff do with the roster beyond adding one person: list it (ID numbers masked, from the
// stored head and tail, never unsealed), import a spreadsheet all-or-nothing after a preview that names each
// bad row, and mark people released or transferred, which cancels their meetings still to come. Every
// change is checked against the staff member's centre and audited in its transaction.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { badRequest, conflict, msg } from '../../platform/http/errors.js';
import type { LocalisedMessage } from '../../platform/http/problem.js';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { idNoSchema, maskIdNo } from '../lawyers/id-number.js';
import type { CentreCancellationService } from './centre-cancellation-service.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import { detaineeNotOnRoster } from './centre-ops-errors.js';
import type { DetaineeStatusResult } from './centre-ops-schemas.js';
import { isUniqueViolation } from './constraint-errors.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.js';
import { maskedIdNo } from './masked-id-no.js';
import type { BookingRepository, DetaineeRow } from './repository.js';
import type { RosterService } from './roster-service.js';
import type {
  DetaineeListItem,
  DetaineeStatus,
  RosterImportRequest,
  RosterImportResult,
  RosterImportRow,
} from './schemas.js';

/** More rows than any centre's intake in one go; a bigger file is a mistake or belongs in several. */
export const MAX_IMPORT_ROWS = 2000;

/** Header names accepted for each column, in Chinese or English (compared without case or spaces). */
const COLUMNS = {
  name: ['姓名', 'name'],
  idNo: ['身份证号', '身份证号码', '公民身份号码', 'idno', 'id_no', 'idnumber'],
  restrictedCase: ['限制案件', '是否限制案件', 'restrictedcase', 'restricted_case', 'restricted'],
} as const;

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

type RowError = RosterImportRow['errors'][number];

export class RosterAdminService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: BookingRepository,
    private readonly centres: CentreConfigService,
    private readonly roster: RosterService,
    private readonly cancellations: CentreCancellationService,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, unitId: string): Promise<DetaineeListItem[]> {
    await this.centres.requireCentre(actor, unitId);
    const rows = await this.repo.detaineesOfUnit(this.db, unitId);
    return rows.map(present);
  }

  /**
   * Checks every row of the file and, unless it is a dry run, imports them all in one transaction. A file
   * with any bad row imports nothing: the preview lists what to fix, row by row.
   */
  async importCsv(
    actor: Actor,
    unitId: string,
    input: RosterImportRequest,
    ctx: RequestContext,
  ): Promise<RosterImportResult> {
    await this.centres.requireCentre(actor, unitId);
    const candidates = parseRosterFile(input.csv);
    const stored = candidates.map((c) => (c.idNo ? this.roster.storedIdNo(c.idNo) : null));
    const taken = await this.repo.detaineeHashesTaken(
      this.db,
      unitId,
      stored.flatMap((s) => (s ? [s.idNoHash] : [])),
    );
    stored.forEach((s, i) => {
      if (s && taken.has(s.idNoHash)) candidates[i]!.row.errors.push(onRosterAlready());
    });
    const rows = candidates.map((c) => c.row);
    const valid = rows.every((r) => r.errors.length === 0);
    if (input.dryRun) return { valid, imported: 0, rows };
    if (!valid) {
      throw badRequest(
        'roster.import_invalid',
        msg(
          '名册文件中有错误，未导入任何记录。请按提示修改后重新导入。',
          'The file has errors, so nothing was imported. Fix the rows marked and import it again.',
        ),
        { rows: rows.filter((r) => r.errors.length > 0) },
      );
    }

    const now = this.clock.now();
    try {
      const inserted = await this.tx.run(async (tx) => {
        const saved = await this.repo.insertDetainees(
          tx,
          candidates.map((c, i) => ({
            unitId,
            name: c.row.name,
            ...stored[i]!,
            restrictedCase: c.row.restrictedCase,
            createdAt: now,
            updatedAt: now,
          })),
        );
        await this.audit.record(tx, context(actor, ctx), {
          action: 'roster.imported',
          subject: { type: 'facility', id: unitId },
          unitId,
          payload: {
            count: saved.length,
            detaineeIds: saved.map((d) => d.id),
            restrictedCount: saved.filter((d) => d.restrictedCase).length,
          },
        });
        return saved;
      });
      return { valid: true, imported: inserted.length, rows };
    } catch (error) {
      // Someone added one of these people between the check and the insert: still nothing was imported.
      if (isUniqueViolation(error, 'detainee_id_no_unique')) {
        throw conflict(
          'roster.duplicate',
          msg(
            '导入期间名册已发生变化，其中有身份证号已在名册中，未导入任何记录。请重新预览。',
            'The roster changed meanwhile and now holds one of these ID numbers; nothing was imported. Preview again.',
          ),
        );
      }
      throw error;
    }
  }

  /**
   * Marks a detainee released or transferred (or back in custody, to correct a mistake). Leaving the centre
   * cancels, in the same transaction, every live meeting with them that has not started, with that reason;
   * coming back restores none (the lawyers book again).
   */
  async setStatus(
    actor: Actor,
    unitId: string,
    detaineeId: string,
    status: DetaineeStatus,
    ctx: RequestContext,
  ): Promise<DetaineeStatusResult> {
    await this.centres.requireCentre(actor, unitId);
    const { row, cancelled } = await this.tx.run(async (tx, afterCommit) => {
      // Locked first: a booking being completed for this person waits, then finds them gone.
      const current = await this.repo.detaineeForUpdate(tx, detaineeId);
      if (!current || current.unitId !== unitId) throw detaineeNotOnRoster();
      if (current.status === status) return { row: current, cancelled: 0 };
      const saved = await this.repo.updateDetainee(tx, current.id, { status, updatedAt: this.clock.now() });
      const auditContext = context(actor, ctx);
      const cancelledBookings =
        status === 'in_custody'
          ? []
          : await this.cancellations.cancelComingMeetingsOf(
              tx,
              afterCommit,
              auditContext,
              actor.userId,
              current.id,
              status,
            );
      await this.audit.record(tx, auditContext, {
        action: 'roster.status_changed',
        subject: { type: 'detainee', id: current.id },
        unitId,
        payload: {
          from: current.status,
          to: status,
          cancelledBookingIds: cancelledBookings.map((b) => b.id),
        },
      });
      return { row: saved, cancelled: cancelledBookings.length };
    });
    return { ...present(row), cancelledBookings: cancelled };
  }
}

function present(row: DetaineeRow): DetaineeListItem {
  return {
    id: row.id,
    name: row.name,
    idNoMasked: maskedIdNo(row.idNoHead, row.idNoTail),
    status: row.status as DetaineeStatus,
    restrictedCase: row.restrictedCase,
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface Candidate {
  row: RosterImportRow;
  /** The normalised ID number when it is valid, else null. */
  idNo: string | null;
}

/** Reads and checks the file; errors of the file as a whole are thrown, errors of a row kept on the row. */
export function parseRosterFile(csv: string): Candidate[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw badRequest(
        'roster.import_syntax',
        msg(
          `文件第 ${error.line} 行的引号没有闭合。`,
          `The quoted field starting on line ${error.line} is never closed.`,
        ),
        { line: error.line },
      );
    }
    throw error;
  }
  const [header, ...data] = records;
  const columns = header ? columnsOf(header.cells) : undefined;
  if (!columns) {
    throw badRequest(
      'roster.import_header',
      msg(
        '第一行应为表头，至少包含“姓名”和“身份证号”两列（可选“限制案件”列）。',
        'The first line must be a header naming at least the columns "name" and "idNo" (optionally "restrictedCase").',
      ),
    );
  }
  if (data.length === 0) {
    throw badRequest('roster.import_empty', msg('文件中没有在押人员记录。', 'The file lists nobody.'));
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw badRequest(
      'roster.import_too_large',
      msg(
        `一次最多导入 ${MAX_IMPORT_ROWS} 人，请分成几个文件。`,
        `Import at most ${MAX_IMPORT_ROWS} people at a time; split the file.`,
      ),
    );
  }

  const firstLineOf = new Map<string, number>();
  return data.map((record) => {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? ''));
    const name = cell(columns.name).trim();
    const rawIdNo = cell(columns.idNo).trim();
    const rawRestricted = cell(columns.restrictedCase).trim().toLowerCase();
    const errors: RowError[] = [];

    if (name.length === 0)
      errors.push(rowError('name', 'roster.name_missing', msg('缺少姓名。', 'The name is missing.')));
    else if (name.length > 50) {
      errors.push(
        rowError(
          'name',
          'roster.name_too_long',
          msg('姓名不能超过 50 个字。', 'The name is longer than 50 characters.'),
        ),
      );
    }

    let idNo: string | null = null;
    const parsed = idNoSchema.safeParse(rawIdNo);
    if (rawIdNo.length === 0) {
      errors.push(
        rowError('idNo', 'roster.id_no_missing', msg('缺少身份证号。', 'The ID number is missing.')),
      );
    } else if (!parsed.success) {
      const issue = localiseIssue(parsed.error.issues[0]!);
      errors.push(rowError('idNo', 'roster.id_no_invalid', issue.message));
    } else {
      idNo = parsed.data;
      const first = firstLineOf.get(idNo);
      if (first !== undefined) {
        errors.push(
          rowError(
            'idNo',
            'roster.duplicate_in_file',
            msg(`与第 ${first} 行的身份证号重复。`, `The same ID number as on line ${first}.`),
          ),
        );
        idNo = null;
      } else {
        firstLineOf.set(idNo, record.line);
      }
    }

    let restrictedCase = false;
    if (YES.has(rawRestricted)) restrictedCase = true;
    else if (!NO.has(rawRestricted)) {
      errors.push(
        rowError(
          'restrictedCase',
          'roster.restricted_invalid',
          msg(
            '“限制案件”一栏应填“是”或“否”（或留空）。',
            'The restricted-case column takes yes or no (or nothing).',
          ),
        ),
      );
    }

    return {
      row: {
        line: record.line,
        name,
        idNoMasked: maskIdNo(rawIdNo),
        restrictedCase,
        errors,
      },
      idNo,
    };
  });
}

function columnsOf(cells: string[]): { name: number; idNo: number; restrictedCase?: number } | undefined {
  const normalised = cells.map((c) => c.trim().toLowerCase().replace(/\s+/g, ''));
  const find = (names: readonly string[]) => {
    const index = normalised.findIndex((c) => names.includes(c));
    return index < 0 ? undefined : index;
  };
  const name = find(COLUMNS.name);
  const idNo = find(COLUMNS.idNo);
  if (name === undefined || idNo === undefined) return undefined;
  return { name, idNo, restrictedCase: find(COLUMNS.restrictedCase) };
}

function rowError(field: RowError['field'], code: string, message: LocalisedMessage): RowError {
  return { field, code, message };
}

function onRosterAlready(): RowError {
  return rowError(
    'idNo',
    'roster.duplicate',
    msg('该身份证号已在本所名册中。', 'This ID number is already on the roster.'),
  );
}
