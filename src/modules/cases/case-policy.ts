// Who may do what with a case, in the terms of identity's policy. A case belongs to its handling unit: the
// evidence roles reach it as their role reaches that unit (case officers and custodians in the unit itself,
// reviewers and supervisors from the region above: seed 001 art. 22), and an admin never does.
import type { Actor } from '../identity/actor.js';
import {
  canActOnUnit,
  canReadEvidence,
  EVIDENCE_ROLES,
  requireUnitAccess,
  scopeOf,
} from '../identity/policy.js';
import { forbidden, msg } from '../../platform/http/errors.js';

const forbiddenCase = () =>
  forbidden('auth.forbidden', msg('您没有执行此操作的权限。', 'You are not allowed to do this.'));

export function canReadCase(actor: Actor, handlingUnitPath: string): boolean {
  return canReadEvidence(actor) && EVIDENCE_ROLES.some((role) => canActOnUnit(actor, role, handlingUnitPath));
}

export function requireCaseReader(actor: Actor, handlingUnitPath: string): void {
  if (!canReadCase(actor, handlingUnitPath)) throw forbiddenCase();
}

/** Changes to a case (persons, activities, recordings) are the handling unit's case officers' work. */
export function requireCaseOfficerReach(actor: Actor, handlingUnitPath: string): void {
  requireUnitAccess(actor, 'case_officer', handlingUnitPath);
}

/** Legal review returns or closes a case it was sent. */
export function requireReviewerReach(actor: Actor, handlingUnitPath: string): void {
  requireUnitAccess(actor, 'reviewer', handlingUnitPath);
}

/** The subtrees whose cases the actor may list: one per evidence role held. */
export function caseScopes(actor: Actor): string[] {
  if (!canReadEvidence(actor)) return [];
  const scopes = EVIDENCE_ROLES.map((role) => scopeOf(actor, role)).filter((s): s is string => !!s);
  return [...new Set(scopes)];
}
