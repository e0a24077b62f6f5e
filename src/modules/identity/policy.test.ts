// The access policy stated as properties over random organisation trees, actors and role sets: whatever
// the tree, a unit role never reaches beyond its unit's subtree, a region role never beyond its region, and
// the separation-of-duties pairs hold for every combination of roles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import type { Actor } from './actor.js';
import {
  canActOnUnit,
  canReadEvidence,
  EVIDENCE_ROLES,
  incompatibleRolePair,
  requireCustodianIndependence,
  requireUnitAccess,
  scopeOf,
} from './policy.js';
import { ROLES, STAFF_ROLES, type Role } from './roles.js';

/** A materialised path of 1–5 ids, as org_unit.path stores it: '/a/b/c/'. */
const segment = fc.stringMatching(/^[a-f0-9]{4}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((ids) => `/${ids.join('/')}/`);
const roles = fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 4 });

/** An actor whose unit lies within its region: regionPath is a prefix of the unit's path. */
const actor = fc
  .record({ unitPath: path, regionDepth: fc.nat(4), roles, userId: fc.uuid() })
  .map(({ unitPath, regionDepth, roles: r, userId }): Actor => {
    const ids = unitPath.split('/').filter(Boolean);
    const regionIds = ids.slice(0, Math.min(regionDepth + 1, ids.length));
    return {
      userId,
      username: 'u',
      displayName: 'u',
      roles: r,
      unit: { id: ids.at(-1)!, kind: 'detention_centre', path: unitPath },
      regionPath: `/${regionIds.join('/')}/`,
      sessionId: 's',
    };
  });

const UNIT_ROLES: Role[] = [
  'lawyer',
  'centre_staff',
  'station_staff',
  'case_officer',
  'custodian',
  'external_requester',
];
const REGION_ROLES: Role[] = ['reviewer', 'supervisor', 'auditor', 'admin'];

describe('reach in the organisation tree', () => {
  it('a role the actor lacks reaches nothing', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...ROLES), path, (a, role, target) => {
        if (a.roles.includes(role)) return;
        expect(scopeOf(a, role)).toBeUndefined();
        expect(canActOnUnit(a, role, target)).toBe(false);
      }),
    );
  });

  it('a unit role reaches exactly its unit and the units below it', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...UNIT_ROLES), path, (a, role, target) => {
        const held = { ...a, roles: [...new Set([...a.roles, role])] };
        expect(canActOnUnit(held, role, target)).toBe(target.startsWith(a.unit.path));
        expect(canActOnUnit(held, role, a.unit.path)).toBe(true);
      }),
    );
  });

  it('a region role reaches exactly its region, which includes its own unit', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...REGION_ROLES), path, (a, role, target) => {
        const held = { ...a, roles: [...new Set([...a.roles, role])] };
        expect(canActOnUnit(held, role, target)).toBe(target.startsWith(a.regionPath));
        expect(canActOnUnit(held, role, a.unit.path)).toBe(true);
      }),
    );
  });

  it('a sibling whose id merely starts like the unit’s is not below it', () => {
    fc.assert(
      fc.property(actor, segment, (a, extra) => {
        const held: Actor = { ...a, roles: ['centre_staff'] };
        const lookalike = `${a.unit.path.slice(0, -1)}${extra}/`;
        expect(canActOnUnit(held, 'centre_staff', lookalike)).toBe(false);
      }),
    );
  });

  it('requireUnitAccess throws a 403 exactly when canActOnUnit is false', () => {
    fc.assert(
      fc.property(actor, fc.constantFrom(...ROLES), path, (a, role, target) => {
        const allowed = canActOnUnit(a, role, target);
        try {
          requireUnitAccess(a, role, target);
          expect(allowed).toBe(true);
        } catch (error) {
          expect(allowed).toBe(false);
          expect((error as AppError).status).toBe(403);
        }
      }),
    );
  });
});

describe('separation of duties', () => {
  it('names a pair for every role set holding admin with an evidence role or the auditor, or lawyer with staff', () => {
    fc.assert(
      fc.property(roles, (r) => {
        const forbidden =
          (r.includes('admin') && (r.includes('auditor') || r.some((x) => EVIDENCE_ROLES.includes(x)))) ||
          (r.includes('lawyer') && r.some((x) => STAFF_ROLES.includes(x)));
        const pair = incompatibleRolePair(r);
        expect(pair !== undefined).toBe(forbidden);
        if (pair) expect(r).toEqual(expect.arrayContaining(pair));
      }),
    );
  });

  it('adding roles never makes a forbidden set allowed', () => {
    fc.assert(
      fc.property(roles, roles, (a, more) => {
        if (incompatibleRolePair(a)) expect(incompatibleRolePair([...a, ...more])).toBeDefined();
      }),
    );
  });

  it('an admin never reads evidence, whatever else they hold', () => {
    fc.assert(
      fc.property(actor, (a) => {
        const admin = { ...a, roles: [...new Set<Role>([...a.roles, 'admin'])] };
        expect(canReadEvidence(admin)).toBe(false);
        expect(canReadEvidence(a)).toBe(
          !a.roles.includes('admin') && a.roles.some((r) => EVIDENCE_ROLES.includes(r)),
        );
      }),
    );
  });

  it('a custodian never holds a recording they handled as case officer or uploader', () => {
    fc.assert(
      fc.property(
        actor,
        fc.uniqueArray(fc.uuid(), { maxLength: 3 }),
        fc.option(fc.uuid()),
        fc.boolean(),
        (a, officers, uploader, involved) => {
          const custodian = { ...a, roles: ['custodian' as Role] };
          const caseOfficerIds = involved
            ? [...officers, a.userId]
            : officers.filter((id) => id !== a.userId);
          const uploaderId = uploader === a.userId ? null : uploader;
          const check = () => requireCustodianIndependence(custodian, { caseOfficerIds, uploaderId });
          if (involved) expect(check).toThrow(AppError);
          else expect(check).not.toThrow();
          expect(() =>
            requireCustodianIndependence(custodian, { caseOfficerIds: officers, uploaderId: a.userId }),
          ).toThrow(AppError);
        },
      ),
    );
  });
});
