// The documents rule of booking (CPL 39): a meeting is booked with the lawyer's own documents for this
// client at this centre, among them a power of attorney or a legal-aid letter, and the firm's letter.
// Checked in two halves: what needs no client (the documents exist, are the booker's, are for this centre,
// cover the requirements) before the booking's transaction, so a refusal costs no lock; and, inside it
// once the roster has named the client, that every one is that client's, before they are linked.
import type { Db, Tx } from '../../platform/db/database.js';
import type { ClientDocumentMeta, ClientDocumentRepository } from './client-document-repository.js';
import { documentsMissing, documentsOfAnotherClient, documentsUnknown } from './document-errors.js';
import { missingRequirements } from './document-requirements.js';

/** Documents that passed the first half of the rule; only `linkTo` uses them. */
export interface CheckedDocuments {
  readonly ids: string[];
  readonly rows: readonly ClientDocumentMeta[];
}

export class BookingDocuments {
  constructor(
    private readonly db: Db,
    private readonly repo: ClientDocumentRepository,
  ) {}

  /** Before the transaction. A document that does not exist and another lawyer's get one answer. */
  async require(
    ownerUserId: string,
    unitId: string,
    documentIds: readonly string[],
  ): Promise<CheckedDocuments> {
    const ids = [...new Set(documentIds)];
    const rows = await this.repo.byIds(this.db, ids);
    const unknown = ids.filter((id) => !rows.some((r) => r.id === id && r.lawyerUserId === ownerUserId));
    if (unknown.length > 0) throw documentsUnknown(unknown);
    const elsewhere = rows.filter((r) => r.unitId !== unitId).map((r) => r.id);
    if (elsewhere.length > 0) throw documentsOfAnotherClient(elsewhere);
    const missing = missingRequirements(rows.map((r) => r.kind));
    if (missing.length > 0) throw documentsMissing(missing);
    return { ids, rows };
  }

  /**
   * Inside the booking's transaction, once the client is matched: refuses documents filed for someone
   * else (or, should the booking's owner differ from who was checked, not theirs), then links the rest.
   */
  async linkTo(
    tx: Tx,
    booking: { id: string; bookedBy: string },
    detaineeId: string,
    documents: CheckedDocuments,
  ): Promise<void> {
    const foreign = documents.rows.filter((r) => r.detaineeId !== detaineeId).map((r) => r.id);
    if (foreign.length > 0) throw documentsOfAnotherClient(foreign);
    const notOwned = documents.rows.filter((r) => r.lawyerUserId !== booking.bookedBy).map((r) => r.id);
    if (notOwned.length > 0) throw documentsUnknown(notOwned);
    await this.repo.link(tx, booking.id, documents.ids);
  }
}
