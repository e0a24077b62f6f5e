// Where licence photos are kept. Today a table of the database (bytea), written in the registration's
// transaction; the blob store of ARCHITECTURE.md will implement the same interface.
import { eq } from 'drizzle-orm';
import { sha256, toHex } from '../../platform/crypto/hash.js';
import type { Executor } from '../../platform/db/database.js';
import { LICENCE_PHOTO_MAX_BYTES, sniffLicencePhotoType, type LicencePhotoType } from './licence-photo.js';
import { lawyerDocument } from './tables.js';

export interface StoredDocument {
  id: string;
  contentType: LicencePhotoType;
  byteSize: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

export interface LicenceDocumentStore {
  /** Stores the bytes; their type is read from them. Throws for anything but a JPEG, PNG or PDF. */
  put(db: Executor, bytes: Uint8Array, now: Date): Promise<StoredDocument>;
  describe(db: Executor, id: string): Promise<StoredDocument | undefined>;
  open(db: Executor, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | undefined>;
}

export class DatabaseDocumentStore implements LicenceDocumentStore {
  async put(db: Executor, bytes: Uint8Array, now: Date): Promise<StoredDocument> {
    const contentType = sniffLicencePhotoType(bytes);
    // The schema refused these already; reaching here with one is a bug.
    if (!contentType) throw new Error('not a JPEG, PNG or PDF file');
    if (bytes.length > LICENCE_PHOTO_MAX_BYTES) throw new Error('licence photo too large');
    const digest = sha256(bytes);
    const [row] = await db
      .insert(lawyerDocument)
      .values({ contentType, byteSize: bytes.length, sha256: digest, content: bytes, createdAt: now })
      .returning({ id: lawyerDocument.id });
    return { id: row!.id, contentType, byteSize: bytes.length, sha256: toHex(digest) };
  }

  async describe(db: Executor, id: string): Promise<StoredDocument | undefined> {
    const [row] = await db
      .select({
        id: lawyerDocument.id,
        contentType: lawyerDocument.contentType,
        byteSize: lawyerDocument.byteSize,
        sha256: lawyerDocument.sha256,
      })
      .from(lawyerDocument)
      .where(eq(lawyerDocument.id, id));
    return row && { ...row, contentType: row.contentType as LicencePhotoType, sha256: toHex(row.sha256) };
  }

  async open(db: Executor, id: string): Promise<(StoredDocument & { bytes: Uint8Array }) | undefined> {
    const [row] = await db.select().from(lawyerDocument).where(eq(lawyerDocument.id, id));
    if (!row) return undefined;
    return {
      id: row.id,
      contentType: row.contentType as LicencePhotoType,
      byteSize: row.byteSize,
      sha256: toHex(row.sha256),
      bytes: row.content,
    };
  }
}
