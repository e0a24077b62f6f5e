// What the lawyers module needs from identity: accounts (names, lookups, a registered lawyer's name and
// firm) and law firms in the organisation tree. Identity owns those tables; this adapter reaches them through
// identity's repository and UserAdminService.provision only, in the caller's transaction.
import crypto from 'node:crypto';
import type { Executor } from '../../platform/db/database.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { IdentityRepository, UnitRow, UserRow } from '../identity/repository.js';
import type { UserAdminService } from '../identity/user-admin-service.js';
import { REGION_KINDS } from '../identity/roles.js';
import type { LawyerRepository } from './repository.js';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  /** Holds the lawyer role and no other. */
  lawyerOnly: boolean;
  unit: { id: string; name: string; nameEn: string; kind: string; path: string; code: string };
}

export class IdentityPort {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly users: UserAdminService,
    private readonly repo: LawyerRepository,
    private readonly audit: AuditRecorder,
  ) {}

  async account(db: Executor, userId: string): Promise<Account | undefined> {
    const user = await this.identity.userById(db, userId);
    return user && toAccount(user);
  }

  async accountByUsername(db: Executor, username: string): Promise<Account | undefined> {
    const user = await this.identity.userByUsername(db, username.trim().toLowerCase());
    return user && toAccount(user);
  }

  async unit(db: Executor, unitId: string): Promise<UnitRow | undefined> {
    return this.identity.unitById(db, unitId);
  }

  /** Creates the lawyer's account in their firm (the same checks and audit event as any account). */
  async createLawyer(
    tx: Executor,
    input: { username: string; displayName: string; firm: UnitRow; password: string },
    context: AuditContext,
  ): Promise<UserRow> {
    return this.users.provision(
      tx,
      {
        username: input.username,
        displayName: input.displayName,
        unit: input.firm,
        roles: ['lawyer'],
        password: input.password,
        passwordChangeRequired: false,
      },
      context,
    );
  }

  /** A resubmission may correct the name and move the lawyer to another firm. */
  async updateLawyer(tx: Executor, userId: string, changes: { displayName: string; unitId: string }) {
    await this.identity.updateUser(tx, userId, changes);
  }

  /**
   * Where a firm hangs in the tree: under the city its licence names (digits 4–5) if the platform has that
   * city, else under the province (digits 2–3), else under the platform's top region. The licence number
   * encodes where the firm practises, which is what a region's administrators are responsible for.
   */
  async regionForLicence(
    tx: Executor,
    licence: { provinceCode: string; cityCode: string | null },
  ): Promise<UnitRow | undefined> {
    const codes = [
      ...(licence.cityCode ? [`${licence.provinceCode}${licence.cityCode}00`] : []),
      `${licence.provinceCode}0000`,
    ];
    for (const code of codes) {
      const unit = await this.identity.unitByCode(tx, code);
      if (unit && REGION_KINDS.includes(unit.kind as (typeof REGION_KINDS)[number])) return unit;
    }
    for (const kind of REGION_KINDS) {
      const top = (await this.identity.unitsOfKind(tx, kind)).find((u) => u.parentId === null);
      if (top) return top;
    }
    return undefined;
  }

  /**
   * The law firm of this name under the region, created if there is none. Names are compared with their
   * spaces removed; creation is serialised per name, so two lawyers of a new firm registering at once get
   * one firm.
   */
  async findOrCreateFirm(
    tx: Executor,
    name: string,
    region: UnitRow,
    context: AuditContext,
  ): Promise<{ firm: UnitRow; created: boolean }> {
    const key = firmKey(name);
    await this.repo.lockFirmName(tx, key);
    const existing = (await this.identity.unitsWithin(tx, region.path)).find(
      (u) => u.kind === 'law_firm' && firmKey(u.name) === key,
    );
    if (existing) return { firm: existing, created: false };
    const firm = await this.identity.insertUnit(tx, {
      parentId: region.id,
      kind: 'law_firm',
      code: `LF-${region.code}-${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
      name: name.trim(),
      // No English name is asked for; the Chinese one stands in until an administrator adds one.
      nameEn: name.trim(),
    });
    await this.audit.record(tx, context, {
      action: 'org_unit.created',
      subject: { type: 'org_unit', id: firm.id },
      unitId: firm.id,
      payload: { code: firm.code, kind: firm.kind, name: firm.name, via: 'lawyer_registration' },
    });
    return { firm, created: true };
  }
}

function firmKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}

function toAccount(u: UserRow & { roles: string[]; unit: UnitRow }): Account {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.status === 'active',
    lawyerOnly: u.roles.length === 1 && u.roles[0] === 'lawyer',
    unit: {
      id: u.unit.id,
      name: u.unit.name,
      nameEn: u.unit.nameEn,
      kind: u.unit.kind,
      path: u.unit.path,
      code: u.unit.code,
    },
  };
}
