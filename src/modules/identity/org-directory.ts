// The organisation tree as other modules and the UI see it: read-only, through this service rather than
// the identity tables.
import type { Db } from '../../platform/db/database.js';
import type { Actor } from './actor.js';
import type { IdentityRepository } from './repository.js';
import type { OrgUnitView } from './schemas.js';

export class OrgDirectory {
  constructor(
    private readonly db: Db,
    private readonly repo: IdentityRepository,
  ) {}

  /** Ids of the unit at this path and of every unit below it. */
  async idsWithin(path: string): Promise<string[]> {
    return (await this.repo.unitsWithin(this.db, path)).map((u) => u.id);
  }

  /** The organisation tree of the actor's region. Any signed-in user may see it: unit names are public. */
  async listUnits(actor: Actor): Promise<OrgUnitView[]> {
    const units = await this.repo.unitsWithin(this.db, actor.regionPath);
    return units.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind as OrgUnitView['kind'],
      code: u.code,
    }));
  }
}
