// Staff lists show ID numbers as 110105********1234: enrolment and CSV import keep the first six
// characters beside the last four, and a roster made before heads were kept is filled in at start-up by
// unsealing, without ever putting a whole number in a list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { demoCentreId, expectStatus } from './centre-ops-fixtures.js';

let t: TestApp;
let staff: Session;
let centreId: string;

interface RosterItem {
  id: string;
  name: string;
  idNoMasked: string;
}

async function roster(): Promise<{ body: string; items: RosterItem[] }> {
  const res = await expectStatus(t, 200, 'GET', `/api/centres/${centreId}/detainees`, staff);
  return { body: res.body, items: res.json<{ items: RosterItem[] }>().items };
}

const masked = async (name: string) => (await roster()).items.find((d) => d.name === name)!.idNoMasked;

/** A roster entry as the code before id_no_head stored it: head left at its default. */
async function enrolWithoutHead(name: string, number: string, sealed?: string) {
  const stored = t.custos.services.roster.storedIdNo(number);
  const now = t.clock.now();
  await t.custos.tx.run((tx) =>
    t.custos.repositories.booking.insertDetainee(tx, {
      unitId: centreId,
      name,
      ...stored,
      idNoHead: '',
      ...(sealed ? { idNoSealed: sealed } : {}),
      createdAt: now,
      updatedAt: now,
    }),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('demo-centre');
  centreId = await demoCentreId(t, await t.signIn('demo-lawyer'));
});
afterAll(async () => {
  await t?.close();
});

describe('masked ID numbers', () => {
  it('keeps the head of a number added by hand or imported', async () => {
    await expectStatus(t, 201, 'POST', `/api/centres/${centreId}/detainees`, staff, {
      name: '张三',
      idNo: idNo(1),
      restrictedCase: false,
    });
    const csv = `姓名,身份证号\n李四,${idNo(2, '32010219750505')}\n`;
    const imported = await expectStatus(t, 200, 'POST', `/api/centres/${centreId}/detainees/import`, staff, {
      csv,
      dryRun: false,
    });
    expect(imported.json().imported).toBe(1);
    expect(await masked('张三')).toBe(`110105********${idNo(1).slice(-4)}`);
    expect(await masked('李四')).toBe(`320102********${idNo(2, '32010219750505').slice(-4)}`);
  });

  it('fills in the heads of older entries by unsealing, once, and never shows a whole number', async () => {
    await enrolWithoutHead('王五', idNo(3, '13010219900909'));
    // Sealed under some other key: it cannot be read, so it stays masked rather than failing the start.
    await enrolWithoutHead('赵六', idNo(4), 'v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA==');
    expect(await masked('王五')).toBe(`**************${idNo(3, '13010219900909').slice(-4)}`);

    expect(await t.custos.services.roster.backfillIdNoHeads()).toEqual({ filled: 1, unreadable: 1 });
    expect(await masked('王五')).toBe(`130102********${idNo(3, '13010219900909').slice(-4)}`);
    expect(await masked('赵六')).toBe(`**************${idNo(4).slice(-4)}`);
    // Nothing left to fill: the next start reads only the unreadable one.
    expect(await t.custos.services.roster.backfillIdNoHeads()).toEqual({ filled: 0, unreadable: 1 });

    const { body } = await roster();
    for (const number of [idNo(1), idNo(2, '32010219750505'), idNo(3, '13010219900909'), idNo(4)]) {
      expect(body).not.toContain(number);
    }
  });
});
