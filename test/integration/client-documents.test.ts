// The documents of a booking (CPL 39), end to end on a real database: a lawyer files a power of attorney
// (or legal-aid letter) and a firm letter for a client, named and matched on the roster as in the journey;
// completing a hold and the one-step booking require them and link them; they are reused for the same
// client; another lawyer's or another client's are refused; a bad file is refused with field errors and
// nothing stored; staff of the booking's centre, and no other, see them, each view recorded.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.js';
import type { Session, TestApp } from '../harness/test-app.js';
import { idNo } from '../harness/test-numbers.js';
import { SAMPLE_PDF, SAMPLE_PNG, uploadDocument, type Client } from './booking-fixtures.js';
import { anotherLawyer, api, CLIENTS, startDocumentsWorld, type DocumentsWorld } from './documents-world.js';

let w: DocumentsWorld;
let t: TestApp;
let lawyer: Session;
let other: Session;

beforeAll(async () => {
  w = await startDocumentsWorld();
  t = w.t;
  lawyer = await t.signIn('demo-lawyer');
  other = (await anotherLawyer(t, 'lawyer.other')).session;
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: 'client_document' | 'booking_document' | 'booking') =>
  (
    await queryRows<{ n: number }>(
      t.custos.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)}`,
    )
  )[0]!.n;

const auditEvents = (action: string) =>
  queryRows<{ subject_id: string; payload: Record<string, unknown> }>(
    t.custos.database.db,
    sql`select subject_id, payload from audit_event where action = ${action} order by id`,
  );

const upload = (session: Session, client: Client, kind: string, bytes: Buffer, unitId = w.centreId) =>
  api(t, 'POST', `/api/centres/${unitId}/client-documents`, session, {
    client,
    kind,
    fileName: `${kind}.bin`,
    content: bytes.toString('base64'),
  });

const lookup = (session: Session, client: Client, unitId = w.centreId) =>
  api(t, 'POST', `/api/centres/${unitId}/client-documents/lookup`, session, { client });

const bookOneStep = (session: Session, sessionId: string, client: Client, documentIds?: string[]) =>
  api(t, 'POST', '/api/bookings', session, {
    sessionId,
    durationMinutes: 60,
    idempotencyKey: crypto.randomUUID(),
    client,
    ...(documentIds ? { documentIds } : {}),
  });

describe('filing a document for a client', () => {
  it('stores it with its hash, lists it for reuse, and audits the upload without the bytes', async () => {
    const before = await count('client_document');
    const res = await upload(lawyer, CLIENTS.zhang, 'power_of_attorney', SAMPLE_PDF);
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json();
    expect(filed).toMatchObject({
      kind: 'power_of_attorney',
      fileName: 'power_of_attorney.bin',
      contentType: 'application/pdf',
      byteSize: SAMPLE_PDF.length,
      sha256: crypto.createHash('sha256').update(SAMPLE_PDF).digest('hex'),
    });
    expect(await count('client_document')).toBe(before + 1);

    const listed = await lookup(lawyer, { name: ' 张 三 ', idNo: CLIENTS.zhang.idNo.toLowerCase() });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((d: { id: string }) => d.id)).toEqual([filed.id]);

    const [event] = (await auditEvents('client_document.uploaded')).filter((e) => e.subject_id === filed.id);
    expect(event!.payload).toMatchObject({
      kind: 'power_of_attorney',
      sha256: filed.sha256,
      byteSize: SAMPLE_PDF.length,
      contentType: 'application/pdf',
    });
    expect(JSON.stringify(event!.payload)).not.toContain(SAMPLE_PDF.toString('base64').slice(0, 40));
  });

  it('answers for an unknown client exactly as booking does, and stores nothing', async () => {
    const hold = await api(t, 'POST', '/api/bookings/holds', lawyer, {
      sessionId: w.sessionIds[0],
      durationMinutes: 60,
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const mine = (await lookup(lawyer, CLIENTS.zhang)).json().items.map((d: { id: string }) => d.id);
    const completing = await api(t, 'POST', `/api/bookings/${hold.json().id}/complete`, lawyer, {
      client: { name: '张三丰', idNo: CLIENTS.zhang.idNo },
      documentIds: mine,
    });
    // Documents are checked before the client; the lawyer has only a power of attorney so far.
    expect(completing.json().code).toBe('booking.documents_missing');
    await api(t, 'POST', `/api/bookings/${hold.json().id}/cancel`, lawyer, {});

    const before = await count('client_document');
    for (const client of [
      { name: '张三丰', idNo: CLIENTS.zhang.idNo },
      { name: '张三', idNo: idNo(999) },
    ]) {
      for (const res of [
        await upload(lawyer, client, 'firm_letter', SAMPLE_PDF),
        await lookup(lawyer, client),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({
          code: 'booking.client_not_found',
          message: {
            'zh-CN': '本看守所没有与该姓名和身份证号相符的在押人员，请核对。',
            en: 'No one with this name and ID number is held at this centre; check both.',
          },
        });
      }
    }
    // A client of another centre is as unknown here as anyone.
    expect((await lookup(lawyer, CLIENTS.sun)).json().code).toBe('booking.client_not_found');
    expect(await count('client_document')).toBe(before);
  });

  it('refuses a wrong type, an empty, a broken or an oversize file with field errors, storing nothing', async () => {
    const before = await count('client_document');
    const events = (await auditEvents('client_document.uploaded')).length;
    const cases: [Buffer | string, string, string][] = [
      [
        Buffer.from('plain text, not a scan'),
        'the document must be a JPEG, PNG or PDF file',
        '材料文件应为 JPEG、PNG 或 PDF 文件',
      ],
      [Buffer.alloc(0), 'the document file is empty', '材料文件为空'],
      ['not base64!', 'the document must be sent as base64', '材料文件应以 base64 编码上传'],
      [
        Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - SAMPLE_PDF.length)]),
        'the document must be 10 MB or smaller',
        '材料文件不能超过 10 MB',
      ],
    ];
    for (const [bytes, en, zh] of cases) {
      const res = await api(t, 'POST', `/api/centres/${w.centreId}/client-documents`, lawyer, {
        client: CLIENTS.zhang,
        kind: 'firm_letter',
        fileName: 'letter.pdf',
        content: typeof bytes === 'string' ? bytes : bytes.toString('base64'),
      });
      expect(res.statusCode, en).toBe(400);
      expect(res.json().code).toBe('http.validation');
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'content', message: { 'zh-CN': zh, en } }),
      ]);
    }
    const kind = await upload(lawyer, CLIENTS.zhang, 'permission_decision', SAMPLE_PDF);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe('kind');
    expect(await count('client_document')).toBe(before);
    expect((await auditEvents('client_document.uploaded')).length).toBe(events);
  });

  it('gives a lawyer their own document back, and nobody else', async () => {
    const filed = (await upload(lawyer, CLIENTS.zhang, 'legal_aid_letter', SAMPLE_PNG)).json();
    const url = `/api/client-documents/${filed.id}/content`;
    const mine = await api(t, 'GET', url, lawyer);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.headers['content-disposition']).toMatch(
      /^inline; .*filename\*=UTF-8''legal_aid_letter\.bin$/,
    );
    expect(mine.rawPayload.equals(SAMPLE_PNG)).toBe(true);
    const theirs = await api(t, 'GET', url, other);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('client_document.not_found');
    expect((await api(t, 'GET', url, w.staff)).statusCode).toBe(403);
  });
});

describe('the documents rule of booking', () => {
  let zhangDocs: { authority: string; legalAid: string; firmLetter: string };

  beforeAll(async () => {
    const items: { id: string; kind: string }[] = (await lookup(lawyer, CLIENTS.zhang)).json().items;
    zhangDocs = {
      authority: items.find((d) => d.kind === 'power_of_attorney')!.id,
      legalAid: items.find((d) => d.kind === 'legal_aid_letter')!.id,
      firmLetter: (await uploadDocument(t, lawyer, w.centreId, CLIENTS.zhang, 'firm_letter')).id,
    };
  });

  it('refuses a one-step booking without them, naming what is missing, and books nothing', async () => {
    const bookings = await count('booking');
    const none = await bookOneStep(lawyer, w.sessionIds[1]!, CLIENTS.zhang);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({
      code: 'booking.documents_missing',
      data: { missing: ['authority', 'firm_letter'] },
    });
    expect(none.json().message['zh-CN']).toBe(
      '会见须提交授权委托书或法律援助公函和律师事务所证明（会见介绍信），请上传或选择后再预约。',
    );
    expect(none.json().message.en).toContain(
      'a power of attorney or a legal-aid letter and the law firm’s letter',
    );

    const noFirmLetter = await bookOneStep(lawyer, w.sessionIds[1]!, CLIENTS.zhang, [zhangDocs.authority]);
    expect(noFirmLetter.json()).toMatchObject({
      code: 'booking.documents_missing',
      data: { missing: ['firm_letter'] },
    });
    expect(noFirmLetter.json().message['zh-CN']).not.toContain('委托书');
    expect(await count('booking')).toBe(bookings);
  });

  it('books with a legal-aid letter in place of a power of attorney, and links the documents', async () => {
    const res = await bookOneStep(lawyer, w.sessionIds[1]!, CLIENTS.zhang, [
      zhangDocs.legalAid,
      zhangDocs.firmLetter,
      zhangDocs.firmLetter,
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('confirmed');
    const linked = await api(t, 'GET', `/api/bookings/${res.json().id}/documents`, lawyer);
    expect(
      linked
        .json()
        .items.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([zhangDocs.legalAid, zhangDocs.firmLetter].sort());
    const [event] = (await auditEvents('booking.confirmed')).filter((e) => e.subject_id === res.json().id);
    expect((event!.payload.documentIds as string[]).sort()).toEqual(
      [zhangDocs.legalAid, zhangDocs.firmLetter].sort(),
    );
  });

  it('requires them on completing a hold too; a refusal leaves the place held', async () => {
    const hold = await api(t, 'POST', '/api/bookings/holds', lawyer, {
      sessionId: w.sessionIds[2],
      durationMinutes: 60,
    });
    const url = `/api/bookings/${hold.json().id}/complete`;
    const refused = await api(t, 'POST', url, lawyer, {
      client: CLIENTS.zhang,
      documentIds: [zhangDocs.firmLetter],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'booking.documents_missing',
      data: { missing: ['authority'] },
    });
    const mine = (await api(t, 'GET', '/api/bookings/mine', lawyer)).json().items;
    expect(mine.find((b: { id: string }) => b.id === hold.json().id).status).toBe('held');

    const done = await api(t, 'POST', url, lawyer, {
      client: CLIENTS.zhang,
      documentIds: [zhangDocs.authority, zhangDocs.firmLetter],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('confirmed');
  });

  it('reuses the same documents for the same client’s later bookings', async () => {
    const filed = await count('client_document');
    const again = await bookOneStep(lawyer, w.sessionIds[3]!, CLIENTS.zhang, [
      zhangDocs.authority,
      zhangDocs.firmLetter,
    ]);
    expect(again.statusCode, again.body).toBe(201);
    expect(await count('client_document')).toBe(filed);
    const [row] = await queryRows<{ n: number }>(
      t.custos.database.db,
      sql`select count(distinct booking_id)::int as n from booking_document where document_id = ${zhangDocs.firmLetter}`,
    );
    expect(row!.n).toBe(3);
  });

  it('refuses another lawyer’s documents as it refuses ones that do not exist', async () => {
    const missing = crypto.randomUUID();
    for (const documentIds of [
      [zhangDocs.authority, zhangDocs.firmLetter],
      [missing, zhangDocs.firmLetter],
    ]) {
      const res = await bookOneStep(other, w.sessionIds[4]!, CLIENTS.zhang, documentIds);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('booking.documents_unknown');
      expect(res.json().message['zh-CN']).toBe('所选材料不存在，或不是您本人上传的。');
    }
  });

  it('refuses documents filed for another client, or at another centre, and books nothing', async () => {
    const liAuthority = (await uploadDocument(t, lawyer, w.centreId, CLIENTS.li, 'power_of_attorney')).id;
    const bookings = await count('booking');
    const links = await count('booking_document');
    const wrongClient = await bookOneStep(lawyer, w.sessionIds[4]!, CLIENTS.zhang, [
      liAuthority,
      zhangDocs.firmLetter,
    ]);
    expect(wrongClient.statusCode).toBe(400);
    expect(wrongClient.json()).toMatchObject({
      code: 'booking.documents_wrong_client',
      data: { documentIds: [liAuthority] },
    });

    const sunLetter = (await uploadDocument(t, lawyer, w.otherCentreId, CLIENTS.sun, 'firm_letter')).id;
    const wrongCentre = await bookOneStep(lawyer, w.sessionIds[4]!, CLIENTS.zhang, [
      zhangDocs.authority,
      sunLetter,
    ]);
    expect(wrongCentre.json()).toMatchObject({
      code: 'booking.documents_wrong_client',
      data: { documentIds: [sunLetter] },
    });
    expect(await count('booking')).toBe(bookings);
    expect(await count('booking_document')).toBe(links);
    expect(
      (await api(t, 'GET', '/api/bookings/mine', lawyer))
        .json()
        .items.filter((b: { status: string }) => b.status === 'held'),
    ).toEqual([]);
  });
});

describe('a booking’s documents for centre staff', () => {
  let bookingId: string;
  let documentId: string;
  let unlinkedId: string;

  beforeAll(async () => {
    const items: { id: string; kind: string }[] = (await lookup(lawyer, CLIENTS.zhang)).json().items;
    const authority = items.find((d) => d.kind === 'power_of_attorney')!.id;
    const firmLetter = items.find((d) => d.kind === 'firm_letter')!.id;
    const res = await bookOneStep(lawyer, w.sessionIds[5]!, CLIENTS.zhang, [authority, firmLetter]);
    expect(res.statusCode, res.body).toBe(201);
    bookingId = res.json().id;
    documentId = authority;
    unlinkedId = items.find((d) => d.kind === 'legal_aid_letter')!.id;
  });

  const viewed = async () =>
    (await auditEvents('booking.document_viewed')).filter(
      (e) => e.subject_id === bookingId && e.payload.documentId === documentId,
    ).length;

  it('lists them for staff of the booking’s centre and opens each, recording every view', async () => {
    const list = await api(t, 'GET', `/api/bookings/${bookingId}/documents`, w.staff);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((d: { kind: string }) => d.kind)
        .sort(),
    ).toEqual(['firm_letter', 'power_of_attorney']);
    const url = `/api/bookings/${bookingId}/documents/${documentId}/content`;
    for (const n of [1, 2]) {
      const res = await api(t, 'GET', url, w.staff);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^inline;/);
      expect(res.rawPayload.equals(SAMPLE_PDF)).toBe(true);
      expect(await viewed()).toBe(n);
    }
    const [event] = (await auditEvents('booking.document_viewed')).slice(-1);
    expect(event!.payload).toMatchObject({
      kind: 'power_of_attorney',
      sha256: crypto.createHash('sha256').update(SAMPLE_PDF).digest('hex'),
    });
  });

  it('shows nothing to staff of another centre, and opens only documents the booking was made with', async () => {
    const before = await viewed();
    expect((await api(t, 'GET', `/api/bookings/${bookingId}/documents`, w.otherStaff)).statusCode).toBe(403);
    const content = `/api/bookings/${bookingId}/documents/${documentId}/content`;
    expect((await api(t, 'GET', content, w.otherStaff)).statusCode).toBe(403);
    // Its lawyer reads the list, but opening through the booking is the staff's (and is audited).
    expect((await api(t, 'GET', `/api/bookings/${bookingId}/documents`, lawyer)).statusCode).toBe(200);
    expect((await api(t, 'GET', content, lawyer)).statusCode).toBe(403);
    expect((await api(t, 'GET', `/api/bookings/${bookingId}/documents`, other)).statusCode).toBe(403);
    const unlinked = await api(
      t,
      'GET',
      `/api/bookings/${bookingId}/documents/${unlinkedId}/content`,
      w.staff,
    );
    expect(unlinked.statusCode).toBe(404);
    expect(unlinked.json().code).toBe('client_document.not_found');
    expect(await viewed()).toBe(before);
  });
});

describe('an assistant', () => {
  it('files and reuses the principal’s documents, which stay the principal’s', async () => {
    const principalId = (await t.custos.repositories.identity.userByUsername(
      t.custos.database.db,
      'demo-lawyer',
    ))!.id;
    const assistant = (await anotherLawyer(t, 'assistant.wu')).session;
    const offered = await api(t, 'POST', '/api/lawyers/me/assistants', lawyer, { username: 'assistant.wu' });
    expect(offered.statusCode, offered.body).toBe(201);
    const linkId = offered.json().id as string;

    // Before the assistant confirms the link, the principal's documents are out of reach.
    const early = await api(t, 'POST', `/api/centres/${w.centreId}/client-documents/lookup`, assistant, {
      client: CLIENTS.zhao,
      onBehalfOf: principalId,
    });
    expect(early.json().code).toBe('lawyer.not_your_assistant');
    expect(
      (await api(t, 'POST', `/api/lawyer-assistant-links/${linkId}/confirm`, assistant)).statusCode,
    ).toBe(200);

    const filed = await api(t, 'POST', `/api/centres/${w.centreId}/client-documents`, assistant, {
      client: CLIENTS.zhao,
      kind: 'firm_letter',
      fileName: 'letter.pdf',
      content: SAMPLE_PDF.toString('base64'),
      onBehalfOf: principalId,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The principal sees it among their own; the assistant has none of their own for the client.
    const principalsOwn = (await lookup(lawyer, CLIENTS.zhao)).json().items.map((d: { id: string }) => d.id);
    expect(principalsOwn).toContain(filed.json().id);
    expect((await lookup(assistant, CLIENTS.zhao)).json().items).toEqual([]);
    const [event] = (await auditEvents('client_document.uploaded')).filter(
      (e) => e.subject_id === filed.json().id,
    );
    expect(event!.payload).toMatchObject({ bookedBy: principalId });

    // The assistant books for the principal with the principal's documents, and cannot with none of theirs.
    const authority = (await uploadDocument(t, lawyer, w.centreId, CLIENTS.zhao, 'power_of_attorney')).id;
    const booked = await api(t, 'POST', '/api/bookings', assistant, {
      sessionId: w.sessionIds[6],
      durationMinutes: 60,
      idempotencyKey: crypto.randomUUID(),
      client: CLIENTS.zhao,
      documentIds: [authority, filed.json().id],
      onBehalfOf: principalId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const asThemselves = await bookOneStep(assistant, w.sessionIds[7]!, CLIENTS.zhao, [
      authority,
      filed.json().id,
    ]);
    expect(asThemselves.json().code).toBe('booking.documents_unknown');
    const download = await api(
      t,
      'GET',
      `/api/client-documents/${authority}/content?onBehalfOf=${principalId}`,
      assistant,
    );
    expect(download.statusCode).toBe(200);
    expect((await api(t, 'GET', `/api/client-documents/${authority}/content`, assistant)).statusCode).toBe(
      404,
    );
  });
});
