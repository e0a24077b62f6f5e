// The documents API: a lawyer files and reuses a client's documents; a booking's documents for its lawyer
// and its centre's staff; the permission decision of a restricted case and the staff's queue, confirm and
// refuse. Files travel as base64 in JSON (client-document-file.ts says why), so the upload routes raise
// the body limit to fit a 10 MiB file.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendInlineFile } from '../../platform/http/inline-file.js';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { ClientDocumentService } from './client-document-service.js';
import {
  clientDocumentContentQuerySchema,
  clientDocumentLookupSchema,
  clientDocumentUploadSchema,
  clientDocumentViewSchema,
  permissionDecisionUploadSchema,
  permissionOutcomeSchema,
  permissionQueueItemSchema,
  permissionRefusalSchema,
} from './document-schemas.js';
import type { PermissionService } from './permission-service.js';

const errors = problemResponses(400, 401, 403, 404, 409, 413);
const unitParams = z.object({ unitId: z.uuid() });
const bookingParams = z.object({ id: z.uuid() });
const documentParams = z.object({ id: z.uuid() });
const bookingDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
const documentList = z.object({ items: z.array(clientDocumentViewSchema) });
/** A 10 MiB file is 13.4 MiB as base64; the client's name and ID number and the file name are small. */
const DOCUMENT_BODY_LIMIT = 15 * 1024 * 1024;
const FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const fileResponse = z.any().describe('The file as uploaded: JPEG, PNG or PDF');

export function documentRoutes(deps: {
  documents: ClientDocumentService;
  permissions: PermissionService;
}): FastifyPluginAsyncZod {
  const { documents, permissions } = deps;
  return async (app) => {
    // ---- the lawyer's documents for a client

    app.post(
      '/centres/:unitId/client-documents',
      {
        bodyLimit: DOCUMENT_BODY_LIMIT,
        schema: {
          tags: ['booking'],
          summary:
            'File a document for a client of the centre (lawyer): power of attorney, legal-aid or firm letter',
          params: unitParams,
          body: clientDocumentUploadSchema,
          response: { 201: clientDocumentViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await documents.upload(
              requireActor(request),
              request.params.unitId,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.post(
      '/centres/:unitId/client-documents/lookup',
      {
        schema: {
          tags: ['booking'],
          summary: 'The caller’s documents for a client of the centre, newest first (lawyer)',
          params: unitParams,
          body: clientDocumentLookupSchema,
          response: { 200: documentList, ...errors },
        },
      },
      async (request) => ({
        items: await documents.listForClient(requireActor(request), request.params.unitId, request.body),
      }),
    );

    app.get(
      '/client-documents/:id/content',
      {
        schema: {
          tags: ['booking'],
          summary: 'Download a document of one’s own (lawyer, or their assistant with onBehalfOf)',
          params: documentParams,
          querystring: clientDocumentContentQuerySchema,
          produces: FILE_TYPES,
          response: { 200: fileResponse, ...errors },
        },
      },
      async (request, reply) =>
        sendInlineFile(
          reply,
          await documents.openOwn(requireActor(request), request.params.id, request.query.onBehalfOf),
        ),
    );

    // ---- a booking's documents

    app.get(
      '/bookings/:id/documents',
      {
        schema: {
          tags: ['booking'],
          summary: 'The documents a booking was made with (its lawyer, or staff of its centre)',
          params: bookingParams,
          response: { 200: documentList, ...errors },
        },
      },
      async (request) => ({ items: await documents.ofBooking(requireActor(request), request.params.id) }),
    );

    app.get(
      '/bookings/:id/documents/:documentId/content',
      {
        schema: {
          tags: ['booking'],
          summary: 'Open a document of a booking (staff of its centre; every view is audited)',
          params: bookingDocumentParams,
          produces: FILE_TYPES,
          response: { 200: fileResponse, ...errors },
        },
      },
      async (request, reply) =>
        sendInlineFile(
          reply,
          await documents.openForBooking(
            requireActor(request),
            request.params.id,
            request.params.documentId,
            requestContext(request),
          ),
        ),
    );

    // ---- restricted cases: the permission decision

    app.post(
      '/bookings/:id/permission-decision',
      {
        bodyLimit: DOCUMENT_BODY_LIMIT,
        schema: {
          tags: ['booking'],
          summary:
            'File the investigating organ’s permission decision for a booking awaiting it (its lawyer)',
          params: bookingParams,
          body: permissionDecisionUploadSchema,
          response: { 201: clientDocumentViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await permissions.uploadDecision(
              requireActor(request),
              request.params.id,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.get(
      '/centres/:unitId/permission-queue',
      {
        schema: {
          tags: ['booking'],
          summary: 'Bookings waiting for a permission decision, soonest first (centre staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(permissionQueueItemSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await permissions.queue(requireActor(request), request.params.unitId) }),
    );

    app.post(
      '/bookings/:id/permission/confirm',
      {
        schema: {
          tags: ['booking'],
          summary: 'Confirm the permission decision: the booking goes ahead (staff of its centre)',
          params: bookingParams,
          response: { 200: permissionOutcomeSchema, ...errors },
        },
      },
      async (request) =>
        permissions.confirm(requireActor(request), request.params.id, requestContext(request)),
    );

    app.post(
      '/bookings/:id/permission/refuse',
      {
        schema: {
          tags: ['booking'],
          summary: 'Refuse with a reason: the centre cancels the booking (staff of its centre)',
          params: bookingParams,
          body: permissionRefusalSchema,
          response: { 200: permissionOutcomeSchema, ...errors },
        },
      },
      async (request) =>
        permissions.refuse(
          requireActor(request),
          request.params.id,
          request.body.reason,
          requestContext(request),
        ),
    );
  };
}
