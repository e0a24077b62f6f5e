// Booking through the API the way every test that needs a meeting does it, so that a rule added to the
// journey is met in one place rather than in every test file. Today that rule is the documents (CPL 39):
// a booking names the booker's power of attorney (or legal-aid letter) and firm letter for the client;
// these helpers reuse the ones on file or upload what is missing, unless the request names its own.
import { expect } from 'vitest';
import type { BookRequest, CompleteRequest } from '../../src/modules/booking/schemas.js';
import type { BookingView as ServerBookingView } from '../../src/modules/booking/schemas.js';
import type { ClientDocumentView } from '../../src/modules/booking/document-schemas.js';
import type { Actor, RequestContext } from '../../src/modules/identity/actor.js';
import type { Session, TestApp } from '../harness/test-app.js';

export interface Client {
  name: string;
  idNo: string;
}

export interface MeetingRequest {
  sessionId: string;
  durationMinutes: number;
  client: Client;
  coCounselUsername?: string;
  idempotencyKey?: string;
  /** The documents to book with; left out, the lawyer's own for the client are reused or uploaded. */
  documentIds?: string[];
  /** The principal a confirmed assistant books for; their documents are the ones used. */
  onBehalfOf?: string;
}

export interface BookingView {
  id: string;
  unitId: string;
  sessionId: string;
  status: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  holdExpiresAt: string | null;
  lawyerUserIds: string[];
  /** The assistant who entered it for its lawyer; null when the lawyer did. */
  enteredByUserId: string | null;
  detaineeName: string | null;
}

export type DocumentKind = 'power_of_attorney' | 'legal_aid_letter' | 'firm_letter';

const testContext: RequestContext = { ip: null, userAgent: null, correlationId: null };

/** A real 1 x 1 PNG (a grey pixel), small enough to upload thousands of times. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A real one-page PDF with a correct cross-reference table, so a browser's viewer opens it. */
export const SAMPLE_PDF = onePagePdf('Custos test document');

function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Uploads one document for a client through the API and expects it to be stored. */
export async function uploadDocument(
  t: TestApp,
  lawyer: Session,
  unitId: string,
  client: Client,
  kind: DocumentKind,
  file: { fileName: string; bytes: Buffer } = { fileName: `${kind}.pdf`, bytes: SAMPLE_PDF },
  onBehalfOf?: string,
): Promise<ClientDocumentView> {
  const res = await t.request({
    method: 'POST',
    url: `/api/centres/${unitId}/client-documents`,
    session: lawyer,
    body: { client, kind, fileName: file.fileName, content: file.bytes.toString('base64'), onBehalfOf },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ClientDocumentView>();
}

/**
 * The ids a booking for this client needs: the newest power of attorney (or legal-aid letter) and firm
 * letter the lawyer (for an assistant, the principal) has on file for the client at this centre, each
 * uploaded first if there is none.
 */
export async function documentIdsFor(
  t: TestApp,
  lawyer: Session,
  unitId: string,
  client: Client,
  onBehalfOf?: string,
): Promise<string[]> {
  const res = await t.request({
    method: 'POST',
    url: `/api/centres/${unitId}/client-documents/lookup`,
    session: lawyer,
    body: { client, onBehalfOf },
  });
  expect(res.statusCode, res.body).toBe(200);
  const onFile = res.json<{ items: ClientDocumentView[] }>().items;
  return chooseOrUpload(onFile, (kind) =>
    uploadDocument(t, lawyer, unitId, client, kind, undefined, onBehalfOf),
  );
}

/** The same, straight through the service, for tests that act as an Actor rather than over HTTP. */
export async function documentIdsAs(
  t: TestApp,
  lawyer: Actor,
  unitId: string,
  client: Client,
  onBehalfOf?: string,
): Promise<string[]> {
  const documents = t.custos.services.clientDocuments;
  const onFile = await documents.listForClient(lawyer, unitId, { client, onBehalfOf });
  return chooseOrUpload(onFile, (kind) =>
    documents.upload(
      lawyer,
      unitId,
      { client, kind, fileName: `${kind}.pdf`, content: SAMPLE_PDF.toString('base64'), onBehalfOf },
      testContext,
    ),
  );
}

async function chooseOrUpload(
  onFile: ClientDocumentView[],
  upload: (kind: DocumentKind) => Promise<ClientDocumentView>,
): Promise<string[]> {
  const newest = (...kinds: string[]) => onFile.find((d) => kinds.includes(d.kind));
  const authority = newest('power_of_attorney', 'legal_aid_letter') ?? (await upload('power_of_attorney'));
  const firmLetter = newest('firm_letter') ?? (await upload('firm_letter'));
  return [authority.id, firmLetter.id];
}

async function unitOfSession(t: TestApp, sessionId: string): Promise<string> {
  const session = await t.custos.repositories.booking.session(t.custos.database.db, sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  return session.unitId;
}

async function unitOfBooking(t: TestApp, bookingId: string): Promise<string> {
  const booking = await t.custos.repositories.booking.bookingById(t.custos.database.db, bookingId);
  if (!booking) throw new Error(`no booking ${bookingId}`);
  return booking.unitId;
}

/** Books in one step (POST /api/bookings) and expects it to succeed. */
export async function bookMeeting(
  t: TestApp,
  lawyer: Session,
  request: MeetingRequest,
): Promise<BookingView> {
  const documentIds =
    request.documentIds ??
    (await documentIdsFor(
      t,
      lawyer,
      await unitOfSession(t, request.sessionId),
      request.client,
      request.onBehalfOf,
    ));
  const res = await t.request({
    method: 'POST',
    url: '/api/bookings',
    session: lawyer,
    body: { idempotencyKey: crypto.randomUUID(), ...request, documentIds },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<BookingView>();
}

/** Completes a held booking (the journey's last step) and expects it to succeed. */
export async function completeHold(
  t: TestApp,
  lawyer: Session,
  bookingId: string,
  request: Pick<MeetingRequest, 'client' | 'coCounselUsername' | 'documentIds' | 'onBehalfOf'>,
): Promise<BookingView> {
  const documentIds =
    request.documentIds ??
    (await documentIdsFor(t, lawyer, await unitOfBooking(t, bookingId), request.client, request.onBehalfOf));
  const res = await t.request({
    method: 'POST',
    url: `/api/bookings/${bookingId}/complete`,
    session: lawyer,
    body: { ...request, documentIds },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BookingView>();
}

/**
 * Books in one step through the service, as the lawyer Actor, with their documents for the client;
 * rejects as the service does (a test of a refusal awaits it with `rejects`).
 */
export async function bookAs(
  t: TestApp,
  lawyer: Actor,
  request: Omit<BookRequest, 'documentIds'> & { documentIds?: string[] },
  ctx: RequestContext = testContext,
): Promise<ServerBookingView> {
  const documentIds =
    request.documentIds ??
    (await documentIdsAs(
      t,
      lawyer,
      await unitOfSession(t, request.sessionId),
      request.client,
      request.onBehalfOf,
    ));
  return t.custos.services.bookings.book(lawyer, { ...request, documentIds }, ctx);
}

/** Completes a hold through the service, as the lawyer Actor, with their documents for the client. */
export async function completeAs(
  t: TestApp,
  lawyer: Actor,
  bookingId: string,
  request: Omit<CompleteRequest, 'documentIds'> & { documentIds?: string[] },
  ctx: RequestContext = testContext,
): Promise<ServerBookingView> {
  const documentIds =
    request.documentIds ??
    (await documentIdsAs(t, lawyer, await unitOfBooking(t, bookingId), request.client, request.onBehalfOf));
  return t.custos.services.bookings.complete(lawyer, bookingId, { ...request, documentIds }, ctx);
}

/** The first bookable session of the demo centre with a place left, at least `minDaysAhead` dates out. */
export async function openSession(
  t: TestApp,
  lawyer: Session,
  unitId: string,
  minDaysAhead = 1,
): Promise<{ id: string; startsAt: string; remaining: number; durations: number[] }> {
  const res = await t.request({ method: 'GET', url: `/api/centres/${unitId}/availability`, session: lawyer });
  expect(res.statusCode, res.body).toBe(200);
  const days = res.json<{
    days: { sessions: { id: string; startsAt: string; remaining: number; durations: number[] }[] }[];
  }>().days;
  const session = days
    .slice(minDaysAhead)
    .flatMap((d) => d.sessions)
    .find((s) => s.remaining > 0);
  if (!session) throw new Error('no open session');
  return session;
}
