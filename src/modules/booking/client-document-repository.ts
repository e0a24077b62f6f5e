// The SQL of client documents and of the links between bookings and the documents they were made with.
// Lists never read the bytes; only open() does.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { bookingDocument, clientDocument } from './tables.js';

export type ClientDocumentRow = typeof clientDocument.$inferSelect;
export type ClientDocumentMeta = Omit<ClientDocumentRow, 'content'>;

const META = {
  id: clientDocument.id,
  unitId: clientDocument.unitId,
  detaineeId: clientDocument.detaineeId,
  lawyerUserId: clientDocument.lawyerUserId,
  kind: clientDocument.kind,
  fileName: clientDocument.fileName,
  contentType: clientDocument.contentType,
  byteSize: clientDocument.byteSize,
  sha256: clientDocument.sha256,
  uploadedBy: clientDocument.uploadedBy,
  createdAt: clientDocument.createdAt,
};

export class ClientDocumentRepository {
  async insert(db: Executor, row: typeof clientDocument.$inferInsert): Promise<ClientDocumentMeta> {
    const [saved] = await db.insert(clientDocument).values(row).returning(META);
    return saved!;
  }

  /** A lawyer's documents for one client, newest first (the lawyer's reuse list). */
  async ownedFor(db: Executor, lawyerUserId: string, detaineeId: string): Promise<ClientDocumentMeta[]> {
    return db
      .select(META)
      .from(clientDocument)
      .where(and(eq(clientDocument.lawyerUserId, lawyerUserId), eq(clientDocument.detaineeId, detaineeId)))
      .orderBy(desc(clientDocument.createdAt), asc(clientDocument.id));
  }

  async byIds(db: Executor, ids: string[]): Promise<ClientDocumentMeta[]> {
    if (ids.length === 0) return [];
    return db.select(META).from(clientDocument).where(inArray(clientDocument.id, ids));
  }

  /** The document with its bytes. */
  async open(db: Executor, id: string): Promise<ClientDocumentRow | undefined> {
    const [row] = await db.select().from(clientDocument).where(eq(clientDocument.id, id));
    return row;
  }

  async link(db: Executor, bookingId: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await db
      .insert(bookingDocument)
      .values(documentIds.map((documentId) => ({ bookingId, documentId })))
      .onConflictDoNothing();
  }

  /** The documents of these bookings, oldest first per booking. */
  async ofBookings(
    db: Executor,
    bookingIds: string[],
  ): Promise<(ClientDocumentMeta & { bookingId: string })[]> {
    if (bookingIds.length === 0) return [];
    return db
      .select({ ...META, bookingId: bookingDocument.bookingId })
      .from(bookingDocument)
      .innerJoin(clientDocument, eq(clientDocument.id, bookingDocument.documentId))
      .where(inArray(bookingDocument.bookingId, bookingIds))
      .orderBy(asc(bookingDocument.bookingId), asc(clientDocument.createdAt), asc(clientDocument.id));
  }

  /** A booking's document with its bytes, or undefined when the booking was not made with it. */
  async openLinked(
    db: Executor,
    bookingId: string,
    documentId: string,
  ): Promise<ClientDocumentRow | undefined> {
    const [row] = await db
      .select({ document: clientDocument })
      .from(bookingDocument)
      .innerJoin(clientDocument, eq(clientDocument.id, bookingDocument.documentId))
      .where(and(eq(bookingDocument.bookingId, bookingId), eq(bookingDocument.documentId, documentId)));
    return row?.document;
  }
}
