// Request and response shapes of client documents and permission decisions, shared with the web UI.
import { z } from 'zod';
import { clientDocumentContentSchema, documentFileNameSchema } from './client-document-file.js';
import type { ClientDocumentKind } from './document-requirements.js';
import { channelSchema, clientSchema } from './schemas.js';

/** The kinds of client_document (its CHECK constraint lists the same). */
export const clientDocumentKindSchema = z.enum([
  'power_of_attorney',
  'legal_aid_letter',
  'firm_letter',
  'permission_decision',
] as const satisfies readonly ClientDocumentKind[]);

/** What a lawyer files for a client ahead of booking; a permission decision is filed on its booking. */
export const bookingDocumentKindSchema = clientDocumentKindSchema.exclude(['permission_decision']);
export type BookingDocumentKind = z.infer<typeof bookingDocumentKindSchema>;

/** The principal lawyer a confirmed assistant acts for (booking-party.ts); left out, the caller. */
const onBehalfOfSchema = z.uuid().optional();

export const clientDocumentUploadSchema = z.object({
  /** The client as named in the journey; matched on the centre's roster like the booking itself. */
  client: clientSchema,
  kind: bookingDocumentKindSchema,
  fileName: documentFileNameSchema,
  /** Base64 of the JPEG, PNG or PDF. */
  content: clientDocumentContentSchema,
  onBehalfOf: onBehalfOfSchema,
});
export type ClientDocumentUpload = z.infer<typeof clientDocumentUploadSchema>;

/** POST rather than GET with a query: an ID number does not belong in a URL. */
export const clientDocumentLookupSchema = z.object({ client: clientSchema, onBehalfOf: onBehalfOfSchema });

export const clientDocumentContentQuerySchema = z.object({ onBehalfOf: onBehalfOfSchema });
export type ClientDocumentLookup = z.infer<typeof clientDocumentLookupSchema>;

export const permissionDecisionUploadSchema = z.object({
  fileName: documentFileNameSchema,
  content: clientDocumentContentSchema,
});
export type PermissionDecisionUpload = z.infer<typeof permissionDecisionUploadSchema>;

export const permissionRefusalSchema = z.object({ reason: z.string().trim().min(2).max(500) });

/** A document as lists show it: never the bytes. */
export const clientDocumentViewSchema = z.object({
  id: z.uuid(),
  kind: clientDocumentKindSchema,
  fileName: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
  byteSize: z.number().int(),
  /** SHA-256 of the bytes, hex: what the audit log records of the file. */
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});
export type ClientDocumentView = z.infer<typeof clientDocumentViewSchema>;

/** A restricted-case booking waiting for the investigating organ's permission, as centre staff see it. */
export const permissionQueueItemSchema = z.object({
  bookingId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  channel: channelSchema,
  detaineeName: z.string(),
  detaineeIdNoMasked: z.string(),
  lawyers: z.array(z.object({ displayName: z.string(), username: z.string() })),
  bookedAt: z.iso.datetime(),
  documents: z.array(clientDocumentViewSchema),
  /** True once the lawyer has uploaded at least one permission decision; confirming needs one. */
  hasPermissionDecision: z.boolean(),
  /**
   * The meeting's start has passed without a confirmed permission: it cannot go ahead, and it stays as it
   * is (nothing changes it by itself); staff may still refuse it to close it.
   */
  startPassed: z.boolean(),
});
export type PermissionQueueItem = z.infer<typeof permissionQueueItemSchema>;

/** A booking after a permission decision. */
export const permissionOutcomeSchema = z.object({
  bookingId: z.uuid(),
  status: z.enum(['confirmed', 'cancelled_by_centre']),
  permissionConfirmedAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
});
export type PermissionOutcome = z.infer<typeof permissionOutcomeSchema>;
