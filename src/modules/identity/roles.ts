// Roles and organisation kinds as DOMAIN.md names them. The identifiers are shared by the database,
// the API and the web UI, so they live in one file that the browser bundle can import too.

export const ROLES = [
  'lawyer',
  'centre_staff',
  'station_staff',
  'case_officer',
  'custodian',
  'reviewer',
  'supervisor',
  'external_requester',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Every role except the lawyer's works inside a state unit and must pass a second factor (GB/T 22239 level 3). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'lawyer');

export function needsSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

export const UNIT_KINDS = [
  'province',
  'city',
  'district',
  'detention_centre',
  'police_station',
  'case_handling_centre',
  'legal_department',
  'procuratorate',
  'court',
  'law_firm',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds that are administrative levels of the tree rather than working units. */
export const REGION_KINDS: readonly UnitKind[] = ['province', 'city', 'district'];
