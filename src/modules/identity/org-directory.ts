// The organisation tree as other modules and the UI see it: read-only, through this service rather than
// the identity tables.
import type { Db } from '../../platform/db/database.js';
import type { Actor } from './actor.js';
import type { IdentityRepository, UnitRow } from './repository.js';
import type { OrgUnitView } from './schemas.js';

export class OrgDirectory {
  constructor(
    private readonly db: Db,
    private readonly repo: IdentityRepository,
  ) {}

  async unit(
    id: string,
  ): Promise<{ id: string; kind: string; path: string; name: string; nameEn: string } | undefined> {
    const u = await this.repo.unitById(this.db, id);
    return u && { id: u.id, kind: u.kind, path: u.path, name: u.name, nameEn: u.nameEn };
  }

  async unitByCode(code: string) {
    const u = await this.repo.unitByCode(this.db, code);
    return u && { id: u.id, kind: u.kind, path: u.path, name: u.name, nameEn: u.nameEn };
  }

  /** An active lawyer's account id by username, for naming co-counsel; undefined for anyone else. */
  async lawyerIdByUsername(username: string): Promise<string | undefined> {
    const user = await this.repo.userByUsername(this.db, username.toLowerCase());
    return user && user.status === 'active' && user.roles.includes('lawyer') ? user.id : undefined;
  }

  /** Every detention centre on the platform: lawyers book at any of them, wherever their firm is. */
  async centres(): Promise<OrgUnitView[]> {
    const units = await this.repo.unitsOfKind(this.db, 'detention_centre');
    return units.map(present);
  }

  /** Ids of the unit at this path and of every unit below it. */
  async idsWithin(path: string): Promise<string[]> {
    return (await this.repo.unitsWithin(this.db, path)).map((u) => u.id);
  }

  /** The organisation tree of the actor's region. Any signed-in user may see it: unit names are public. */
  async listUnits(actor: Actor): Promise<OrgUnitView[]> {
    const units = await this.repo.unitsWithin(this.db, actor.regionPath);
    return units.map(present);
  }
}

function present(u: UnitRow): OrgUnitView {
  return {
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind as OrgUnitView['kind'],
    code: u.code,
  };
}
