// Helpers for tests of cases and recordings: extra staff in any demo unit, and a case with activities opened
// through the API as a case officer would.
import { expect } from 'vitest';
import type { Role } from '../../src/modules/identity/roles.js';
import type { CaseView, ActivityView } from '../../src/modules/cases/schemas.js';
import type { Session, TestApp } from '../harness/test-app.js';

/** The demo case-handling centre, where demo-officer and demo-custodian work. */
export const CASE_CENTRE = '130102-BAZX';

/** Adds a staff user to a demo unit and makes them able to sign in with t.signIn(username). */
export async function addStaff(
  t: TestApp,
  username: string,
  unitCode: string,
  roles: Role[],
): Promise<string> {
  const unit = await t.custos.repositories.identity.unitByCode(t.custos.database.db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const password = `pw-${username}-0123456789`;
  const user = await t.custos.tx.run((tx) =>
    t.custos.services.users.provision(
      tx,
      { username, displayName: `测试 ${username}`, unit, roles, password, passwordChangeRequired: false },
      { actor: { userId: null, username: 'system:test' } },
    ),
  );
  t.credentials.set(username, { username, password, role: roles[0]!, displayName: user.displayName });
  return user.id;
}

export async function unitId(t: TestApp, code: string): Promise<string> {
  const unit = await t.custos.repositories.identity.unitByCode(t.custos.database.db, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

let serial = 0;

/** A fresh, valid case number. */
export function caseNo(): string {
  serial += 1;
  return `A13010251000020261100${String(serial).padStart(2, '0')}`;
}

export async function openCase(
  t: TestApp,
  officer: Session,
  body: Partial<{ caseNo: string; kind: string; title: string; persons: unknown[] }> = {},
): Promise<CaseView> {
  const res = await t.request({
    method: 'POST',
    url: '/api/cases',
    session: officer,
    body: { caseNo: caseNo(), kind: 'criminal', title: '张某盗窃案', persons: [], ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseView>();
}

export async function addActivity(
  t: TestApp,
  officer: Session,
  caseId: string,
  body: Record<string, unknown> = {},
): Promise<ActivityView> {
  const start = t.clock.now();
  const res = await t.request({
    method: 'POST',
    url: `/api/cases/${caseId}/activities`,
    session: officer,
    body: {
      kind: 'room_interrogation',
      place: '执法办案中心 第 2 讯问室',
      plannedStartAt: start.toISOString(),
      plannedEndAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ActivityView>();
}
