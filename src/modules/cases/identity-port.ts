// What the cases module needs from identity: a user's name, roles and unit (to add a case officer) and units
// (handling and issuing units). Identity owns those tables; this adapter reads them through identity's
// repository, as the lawyers module's port does.
import type { Executor } from '../../platform/db/database.js';
import type { IdentityRepository } from '../identity/repository.js';
import type { Role } from '../identity/roles.js';

export interface StaffMember {
  id: string;
  displayName: string;
  active: boolean;
  roles: Role[];
  unitPath: string;
}

export interface UnitRef {
  id: string;
  kind: string;
  path: string;
  name: string;
  nameEn: string;
}

export class CasesIdentityPort {
  constructor(private readonly identity: IdentityRepository) {}

  async user(db: Executor, id: string): Promise<StaffMember | undefined> {
    const u = await this.identity.userById(db, id);
    return (
      u && {
        id: u.id,
        displayName: u.displayName,
        active: u.status === 'active',
        roles: u.roles,
        unitPath: u.unit.path,
      }
    );
  }

  async unit(db: Executor, id: string): Promise<UnitRef | undefined> {
    const u = await this.identity.unitById(db, id);
    return u && { id: u.id, kind: u.kind, path: u.path, name: u.name, nameEn: u.nameEn };
  }
}
