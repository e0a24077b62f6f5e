// From a document as sent (base64) to the row kept, and from the row to what lists show. Server-only.
import { sha256, toHex } from '../../platform/crypto/hash.js';
import {
  CLIENT_DOCUMENT_MAX_BYTES,
  sniffClientDocumentType,
  storedFileName,
  type ClientDocumentType,
} from './client-document-file.js';
import type { ClientDocumentMeta } from './client-document-repository.js';
import type { ClientDocumentView } from './document-schemas.js';

export interface DecodedDocument {
  fileName: string;
  contentType: ClientDocumentType;
  byteSize: number;
  sha256: Uint8Array;
  content: Uint8Array;
}

/** Decodes a file the schema has already checked; its type is read again from the decoded bytes. */
export function decodeDocument(fileName: string, base64: string): DecodedDocument {
  const content = new Uint8Array(Buffer.from(base64, 'base64'));
  const contentType = sniffClientDocumentType(content);
  // The schema refused these already; reaching here with one is a bug.
  if (!contentType) throw new Error('not a JPEG, PNG or PDF file');
  if (content.length === 0 || content.length > CLIENT_DOCUMENT_MAX_BYTES) {
    throw new Error('document size out of range');
  }
  return {
    fileName: storedFileName(fileName),
    contentType,
    byteSize: content.length,
    sha256: sha256(content),
    content,
  };
}

export function toDocumentView(d: ClientDocumentMeta): ClientDocumentView {
  return {
    id: d.id,
    kind: d.kind as ClientDocumentView['kind'],
    fileName: d.fileName,
    contentType: d.contentType as ClientDocumentView['contentType'],
    byteSize: d.byteSize,
    sha256: toHex(d.sha256),
    createdAt: d.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a file: never its bytes. */
export function auditedFile(d: ClientDocumentMeta) {
  return {
    documentId: d.id,
    kind: d.kind,
    contentType: d.contentType,
    byteSize: d.byteSize,
    sha256: toHex(d.sha256),
  };
}
