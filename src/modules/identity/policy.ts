// The access policy, in one place. Every service method starts by asking it; routes never decide access.
// DOMAIN.md: a user acts on their own unit's data and, where the role allows, on units below it (seed 001
// art. 22); an admin manages users but never reads evidence; a custodian is never the case officer of the
// recording they hold.
import { forbidden, msg } from '../../platform/http/errors.js';
import type { Actor } from './actor.js';
import { STAFF_ROLES, type Role } from './roles.js';

/** How far a role reaches in the organisation tree. */
type Reach = 'unit' | 'region';

const REACH: Record<Role, Reach> = {
  lawyer: 'unit',
  centre_staff: 'unit',
  station_staff: 'unit',
  case_officer: 'unit',
  custodian: 'unit',
  external_requester: 'unit',
  // Legal review, supervision, audit and administration serve every unit of their district, city or province.
  reviewer: 'region',
  supervisor: 'region',
  auditor: 'region',
  admin: 'region',
};

/** Roles that may ever open recordings or their registers. The admin is deliberately absent. */
export const EVIDENCE_ROLES: readonly Role[] = ['case_officer', 'custodian', 'reviewer', 'supervisor'];

/**
 * Pairs of roles one person may not hold together: an admin who could also read evidence or audit their own
 * acts would defeat separation of duties, and a lawyer is never staff of the units they deal with.
 */
const INCOMPATIBLE: readonly [Role, Role][] = [
  ...EVIDENCE_ROLES.map((r): [Role, Role] => ['admin', r]),
  ['admin', 'auditor'],
  ...STAFF_ROLES.map((r): [Role, Role] => ['lawyer', r]),
];

export function incompatibleRolePair(roles: readonly Role[]): [Role, Role] | undefined {
  return INCOMPATIBLE.find(([a, b]) => roles.includes(a) && roles.includes(b));
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

const forbiddenRole = () =>
  forbidden('auth.forbidden', msg('您没有执行此操作的权限。', 'You are not allowed to do this.'));

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw forbiddenRole();
}

/** The subtree (as a path prefix) within which the actor may act in the given role. */
export function scopeOf(actor: Actor, role: Role): string | undefined {
  if (!actor.roles.includes(role)) return undefined;
  return REACH[role] === 'region' ? actor.regionPath : actor.unit.path;
}

export function canActOnUnit(actor: Actor, role: Role, unitPath: string): boolean {
  const scope = scopeOf(actor, role);
  return scope !== undefined && unitPath.startsWith(scope);
}

export function requireUnitAccess(actor: Actor, role: Role, unitPath: string): void {
  if (!canActOnUnit(actor, role, unitPath)) throw forbiddenRole();
}

export function canReadEvidence(actor: Actor): boolean {
  return !actor.roles.includes('admin') && hasRole(actor, ...EVIDENCE_ROLES);
}

/**
 * Separation of duties for custody (seed 001 art. 16): the custodian of a recording is never its case
 * officer or uploader. The recordings module passes the people involved; the rule lives here.
 */
export function requireCustodianIndependence(
  actor: Actor,
  recording: { caseOfficerIds: readonly string[]; uploaderId: string | null },
): void {
  if (!actor.roles.includes('custodian')) throw forbiddenRole();
  if (recording.caseOfficerIds.includes(actor.userId) || recording.uploaderId === actor.userId) {
    throw forbidden(
      'custody.not_independent',
      msg(
        '保管员不得是该录像的办案民警或上传人。',
        'A custodian may not be the case officer or uploader of the recording they hold.',
      ),
    );
  }
}
