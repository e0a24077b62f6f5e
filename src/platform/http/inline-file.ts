// Sending a stored document (an image or a PDF) to be opened in the browser's own tab.
import type { FastifyReply } from 'fastify';

export interface InlineFile {
  fileName: string;
  /** Sniffed from the bytes when stored: an image or a PDF, never anything a browser would run. */
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The file inline with its stored type (nosniff is set on every response), and its name in RFC 5987 form
 * too, since it is usually Chinese; the plain-ASCII fallback replaces what a quoted string cannot hold.
 */
export function sendInlineFile(reply: FastifyReply, file: InlineFile) {
  const fallback = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(Buffer.from(file.bytes));
}
