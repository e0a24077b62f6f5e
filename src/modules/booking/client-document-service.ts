// The documents a lawyer files for a client at a centre (CPL 39: the power of attorney or the legal-aid
// letter, and the law firm's letter), kept for reuse on that client's later bookings. The client is named
// by name and ID number and matched on the roster exactly as the booking journey does it, so an unknown
// client gets the booking's own answer and nothing is revealed about people who are not the lawyer's
// client. A confirmed assistant files and reuses them for their principal, whose documents they are.
// Centre staff see a booking's documents; each time they open one it is recorded.
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { hasRole, requireRole } from '../identity/policy.js';
import { onBehalfFields, type BookingParties } from './booking-party.js';
import type { LawyerStanding } from './booking-service.js';
import { context, type CentreConfigService } from './centre-config-service.js';
import type { ClientDocumentRepository, ClientDocumentRow } from './client-document-repository.js';
import { auditedFile, decodeDocument, toDocumentView } from './client-document-view.js';
import { documentNotFound } from './document-errors.js';
import type { ClientDocumentLookup, ClientDocumentUpload, ClientDocumentView } from './document-schemas.js';
import { bookingNotFound, clientNotFound, notYourBooking } from './errors.js';
import type { BookingRepository, BookingRow } from './repository.js';
import type { RosterService } from './roster-service.js';

/** A document's bytes as a download answers with them. */
export interface DocumentFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export class ClientDocumentService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: ClientDocumentRepository,
    private readonly bookings: BookingRepository,
    private readonly roster: RosterService,
    private readonly centres: CentreConfigService,
    private readonly parties: BookingParties,
    private readonly standing: LawyerStanding,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a document for a client of the centre. Only for a lawyer who may book there online: the roster is
   * matched here as it is on booking, and nobody else may probe it.
   */
  async upload(
    actor: Actor,
    unitId: string,
    input: ClientDocumentUpload,
    ctx: RequestContext,
  ): Promise<ClientDocumentView> {
    const party = await this.parties.resolve(actor, input.onBehalfOf);
    await this.standing.requireLawyerCanBookOnline(party.lawyerUserId, unitId);
    const file = decodeDocument(input.fileName, input.content);
    const saved = await this.tx.run(async (tx) => {
      const client = await this.roster.match(tx, unitId, input.client);
      if (!client) throw clientNotFound();
      const row = await this.repo.insert(tx, {
        unitId,
        detaineeId: client.id,
        lawyerUserId: party.lawyerUserId,
        kind: input.kind,
        ...file,
        uploadedBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, context(actor, ctx), {
        action: 'client_document.uploaded',
        subject: { type: 'client_document', id: row.id },
        unitId,
        payload: { ...auditedFile(row), detaineeId: client.id, ...onBehalfFields(party) },
      });
      return row;
    });
    return toDocumentView(saved);
  }

  /** The lawyer's own documents for this client at this centre, newest first, for reuse. */
  async listForClient(
    actor: Actor,
    unitId: string,
    input: ClientDocumentLookup,
  ): Promise<ClientDocumentView[]> {
    const party = await this.parties.resolve(actor, input.onBehalfOf);
    await this.standing.requireLawyerCanBookOnline(party.lawyerUserId, unitId);
    const client = await this.roster.match(this.db, unitId, input.client);
    if (!client) throw clientNotFound();
    return (await this.repo.ownedFor(this.db, party.lawyerUserId, client.id)).map(toDocumentView);
  }

  /** A lawyer (or their assistant) downloads one of the lawyer's documents; anyone else's is "not found". */
  async openOwn(actor: Actor, documentId: string, onBehalfOf?: string): Promise<DocumentFile> {
    const party = await this.parties.resolve(actor, onBehalfOf);
    const document = await this.repo.open(this.db, documentId);
    if (!document || document.lawyerUserId !== party.lawyerUserId) throw documentNotFound();
    return fileOf(document);
  }

  /** The documents a booking was made with: for its lawyer, and for staff of its centre. */
  async ofBooking(actor: Actor, bookingId: string): Promise<ClientDocumentView[]> {
    requireRole(actor, 'lawyer', 'centre_staff');
    const b = await this.bookings.bookingById(this.db, bookingId);
    if (!b) throw bookingNotFound();
    await this.requireBookingReader(actor, b);
    return (await this.repo.ofBookings(this.db, [b.id])).map(toDocumentView);
  }

  /** Centre staff open one of a booking's documents; every view is an audit event. */
  async openForBooking(
    actor: Actor,
    bookingId: string,
    documentId: string,
    ctx: RequestContext,
  ): Promise<DocumentFile> {
    requireRole(actor, 'centre_staff');
    const b = await this.bookings.bookingById(this.db, bookingId);
    if (!b) throw bookingNotFound();
    await this.centres.requireCentre(actor, b.unitId);
    const document = await this.repo.openLinked(this.db, b.id, documentId);
    if (!document) throw documentNotFound();
    await this.tx.run(async (tx) => {
      await this.audit.record(tx, context(actor, ctx), {
        action: 'booking.document_viewed',
        subject: { type: 'booking', id: b.id },
        unitId: b.unitId,
        payload: auditedFile(document),
      });
    });
    return fileOf(document);
  }

  private async requireBookingReader(actor: Actor, b: BookingRow): Promise<void> {
    if (hasRole(actor, 'centre_staff')) {
      await this.centres.requireCentre(actor, b.unitId);
      return;
    }
    if (b.bookedBy !== actor.userId) throw notYourBooking();
  }
}

function fileOf(d: ClientDocumentRow): DocumentFile {
  return { fileName: d.fileName, contentType: d.contentType, bytes: d.content };
}
