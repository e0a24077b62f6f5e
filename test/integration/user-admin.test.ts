// Account administration: scoped to the admin's region, separation of duties, and every act audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie, startTestApp, type Session, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: Session;
let units: { id: string; kind: string; code: string; parentId: string | null }[];
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('demo-admin');
  units = (await t.request({ method: 'GET', url: '/api/org-units', session: admin })).json().items;
});
afterAll(async () => {
  await t?.close();
});

const unit = (kind: string) => units.find((u) => u.kind === kind)!;
const userId = async (username: string) =>
  (await t.custos.repositories.identity.userByUsername(t.custos.database.db, username))!.id;

describe('user administration', () => {
  it('lists the users of the region with status and second-factor enrolment', async () => {
    const res = await t.request({ method: 'GET', url: '/api/users', session: admin });
    expect(res.statusCode).toBe(200);
    const byName = new Map(res.json().items.map((u: { username: string }) => [u.username, u]));
    expect(byName.get('demo-admin')).toMatchObject({ status: 'active', totpEnrolled: true });
    expect(byName.get('demo-custodian')).toMatchObject({ roles: ['custodian'], totpEnrolled: false });
    const filtered = await t.request({
      method: 'GET',
      url: `/api/users?unitId=${unit('detention_centre').id}`,
      session: admin,
    });
    expect(filtered.json().items.map((u: { username: string }) => u.username)).toEqual(['demo-centre']);
    const searched = await t.request({ method: 'GET', url: '/api/users?q=court', session: admin });
    expect(searched.json().items.map((u: { username: string }) => u.username)).toEqual(['demo-court']);
  });

  it('creates a user and audits it; refuses a taken username and role mixes that break separation of duties', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/users',
      session: admin,
      body: {
        username: 'custodian.two',
        displayName: '保管员二',
        unitId: unit('case_handling_centre').id,
        roles: ['custodian'],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().temporaryPassword).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
    const taken = await t.request({
      method: 'POST',
      url: '/api/users',
      session: admin,
      body: {
        username: 'custodian.two',
        displayName: 'x',
        unitId: unit('case_handling_centre').id,
        roles: ['custodian'],
      },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('user.username_taken');
    for (const roles of [
      ['admin', 'custodian'],
      ['admin', 'auditor'],
      ['lawyer', 'case_officer'],
    ]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/users',
        session: admin,
        body: {
          username: `mix.${roles.join('.')}`,
          displayName: 'x',
          unitId: unit('case_handling_centre').id,
          roles,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('user.roles_incompatible');
    }
    const lawyerAtStation = await t.request({
      method: 'POST',
      url: '/api/users',
      session: admin,
      body: {
        username: 'wrong.place',
        displayName: 'x',
        unitId: unit('police_station').id,
        roles: ['lawyer'],
      },
    });
    expect(lawyerAtStation.json().code).toBe('user.unit_role_mismatch');
    const events = await t.custos.repositories.audit.listEvents(t.custos.database.db, {
      limit: 20,
      actionPrefix: 'user.created',
    });
    expect(
      events.some(
        (e) =>
          (e.payload as { username: string }).username === 'custodian.two' &&
          e.actorUsername === 'demo-admin',
      ),
    ).toBe(true);
  });

  it('resets a password: the old one stops working and the user must choose a new one', async () => {
    const lawyer = await t.signIn('demo-lawyer');
    const res = await t.request({
      method: 'POST',
      url: `/api/users/${await userId('demo-lawyer')}/reset-password`,
      session: admin,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: lawyer })).statusCode).toBe(
      401,
    );
    const old = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'demo-lawyer', password: t.credentials.get('demo-lawyer')!.password },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'demo-lawyer', password: res.json().temporaryPassword },
    });
    expect(fresh.json().passwordChangeRequired).toBe(true);
  });

  it('disables and enables, unlocks, and resets the second factor', async () => {
    const id = await userId('demo-station');
    const station = await t.signIn('demo-station');
    expect(
      (await t.request({ method: 'POST', url: `/api/users/${id}/disable`, session: admin })).statusCode,
    ).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: station })).statusCode).toBe(
      401,
    );
    const password = t.credentials.get('demo-station')!.password;
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/auth/login',
          body: { username: 'demo-station', password },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: `/api/users/${id}/enable`, session: admin })).statusCode,
    ).toBe(204);

    for (let i = 0; i < t.settings.login.maxFailures; i++) {
      await t.request({
        method: 'POST',
        url: '/api/auth/login',
        body: { username: 'demo-station', password: 'wrong-wrong' },
      });
    }
    const list = (await t.request({ method: 'GET', url: '/api/users?q=demo-station', session: admin })).json()
      .items;
    expect(list[0].status).toBe('locked');
    expect(
      (await t.request({ method: 'POST', url: `/api/users/${id}/unlock`, session: admin })).statusCode,
    ).toBe(204);
    const back = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'demo-station', password },
    });
    expect(back.json().secondFactor).toBe('required');

    expect(
      (await t.request({ method: 'POST', url: `/api/users/${id}/reset-second-factor`, session: admin }))
        .statusCode,
    ).toBe(204);
    const again = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'demo-station', password },
    });
    expect(again.json().secondFactor).toBe('enrolment_required');
    expect(sessionCookie(again)).toBeTruthy();
  });

  it('refuses these acts to non-admins and to an admin acting on their own account', async () => {
    const auditor = await t.signIn('demo-auditor');
    expect((await t.request({ method: 'GET', url: '/api/users', session: auditor })).statusCode).toBe(403);
    const self = await t.request({
      method: 'POST',
      url: `/api/users/${await userId('demo-admin')}/disable`,
      session: admin,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('user.self_action');
    const missing = await t.request({
      method: 'POST',
      url: '/api/users/00000000-0000-4000-8000-000000000000/unlock',
      session: admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps an admin inside their region', async () => {
    // A second province with its own admin: neither may touch the other's users.
    const { custos } = t;
    const other = await custos.tx.run(async (tx) => {
      const province = await custos.repositories.identity.insertUnit(tx, {
        parentId: null,
        kind: 'province',
        code: '320000',
        name: '江苏省',
        nameEn: 'Jiangsu',
      });
      const centre = await custos.repositories.identity.insertUnit(tx, {
        parentId: province.id,
        kind: 'detention_centre',
        code: '320000-KSS',
        name: '某看守所',
        nameEn: 'A centre',
      });
      const user = await custos.services.users.provision(
        tx,
        {
          username: 'js.staff',
          displayName: 'x',
          unit: centre,
          roles: ['centre_staff'],
          password: 'long enough password',
          passwordChangeRequired: false,
        },
        { actor: null },
      );
      return { centre, user };
    });
    const res = await t.request({
      method: 'POST',
      url: `/api/users/${other.user.id}/disable`,
      session: admin,
    });
    expect(res.statusCode).toBe(403);
    const create = await t.request({
      method: 'POST',
      url: '/api/users',
      session: admin,
      body: { username: 'js.other', displayName: 'x', unitId: other.centre.id, roles: ['centre_staff'] },
    });
    expect(create.statusCode).toBe(403);
    const list = (await t.request({ method: 'GET', url: '/api/users', session: admin })).json().items;
    expect(list.map((u: { username: string }) => u.username)).not.toContain('js.staff');
  });
});
