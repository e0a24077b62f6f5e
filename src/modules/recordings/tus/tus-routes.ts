// The tus endpoint under /api/recordings/uploads. HTTP only: headers are parsed (tus/protocol.ts), the ingest
// service decides. PATCH bodies are never buffered: the raw request stream goes to the service, so memory
// stays flat whatever the file's size. Every answer carries Tus-Resumable; errors are problem+json.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemResponses } from '../../../platform/http/problem.js';
import { requestContext, requireActor } from '../../identity/http-auth.js';
import {
  badChecksumHeader,
  badMetadata,
  badOffset,
  badUploadLength,
  tusVersionUnsupported,
  uploadTooLarge,
} from '../errors.js';
import type { IngestService, PatchResult } from '../ingest-service.js';
import type { RecordingRow } from '../repository.js';
import {
  encodeMetadata,
  httpDate,
  OFFSET_CONTENT_TYPE,
  parseByteCount,
  parseChecksum,
  parseMetadata,
  TUS_CHECKSUM_ALGORITHMS,
  TUS_EXTENSIONS,
  TUS_VERSION,
  UPLOADS_PATH,
} from './protocol.js';

const idParams = z.object({ id: z.uuid() });
const errors = problemResponses(400, 401, 403, 404, 409, 410, 412, 413, 423);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function requireTusVersion(request: FastifyRequest): void {
  if (header(request, 'tus-resumable') !== TUS_VERSION) throw tusVersionUnsupported();
}

function setExpires(reply: FastifyReply, expiresAt: Date | null): void {
  if (expiresAt) reply.header('upload-expires', httpDate(expiresAt));
}

export function tusRoutes(deps: { ingest: IngestService }): FastifyPluginAsyncZod {
  const { ingest } = deps;
  return async (app) => {
    // PATCH bodies stay a stream; the handler reads request.raw itself (no body limit applies to it).
    app.addContentTypeParser(OFFSET_CONTENT_TYPE, (_request, _payload, done) => done(null));
    app.addHook('onSend', async (request, reply) => {
      reply.header('tus-resumable', TUS_VERSION);
      // The versions this server speaks: on discovery, and when a client spoke another (412).
      if (request.method === 'OPTIONS' || reply.statusCode === 412) reply.header('tus-version', TUS_VERSION);
    });

    app.options(
      UPLOADS_PATH,
      { schema: { tags: ['recordings'], summary: 'tus discovery: version, extensions, limits' } },
      async (_request, reply) =>
        reply
          .code(204)
          .header('tus-extension', TUS_EXTENSIONS)
          .header('tus-checksum-algorithm', TUS_CHECKSUM_ALGORITHMS)
          .header('tus-max-size', String(ingest.maxUploadBytes))
          .send(),
    );

    app.post(
      UPLOADS_PATH,
      {
        schema: {
          tags: ['recordings'],
          summary:
            'tus creation: Upload-Length and Upload-Metadata (activityId, sha256 of the whole file, device, captureStartedAt, captureEndedAt; caseId, filename, filetype optional)',
          response: { 201: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requireTusVersion(request);
        if (header(request, 'upload-defer-length') !== undefined)
          throw badUploadLength(ingest.maxUploadBytes);
        const length = parseByteCount(header(request, 'upload-length'));
        if (length === undefined || length === 0) throw badUploadLength(ingest.maxUploadBytes);
        if (length > ingest.maxUploadBytes) throw uploadTooLarge(ingest.maxUploadBytes);
        const metadata = parseMetadata(header(request, 'upload-metadata'));
        if (!metadata) throw badMetadata();
        const row = await ingest.create(actor, { length, metadata }, requestContext(request));
        setExpires(reply, row.expiresAt);
        return reply.code(201).header('location', `/api${UPLOADS_PATH}/${row.id}`).send(null);
      },
    );

    app.head(
      `${UPLOADS_PATH}/:id`,
      { schema: { tags: ['recordings'], summary: 'tus: the upload’s offset and length', params: idParams } },
      async (request, reply) => {
        const actor = requireActor(request);
        requireTusVersion(request);
        const row = await ingest.status(actor, request.params.id);
        const gone = row.state === 'rejected' || row.state === 'expired' || row.state === 'terminated';
        if (gone) return reply.code(410).send();
        presentOffset(reply, row, row.state === 'receiving' ? row.receivedBytes : row.byteSize);
        reply.header('upload-metadata', encodeMetadata({ filename: row.filename, state: row.state }));
        return reply.code(200).send();
      },
    );

    app.patch(
      `${UPLOADS_PATH}/:id`,
      {
        schema: {
          tags: ['recordings'],
          summary:
            'tus: append bytes at Upload-Offset (application/offset+octet-stream; Upload-Checksum sha256 optional)',
          params: idParams,
          response: { 204: z.null(), ...problemResponses(422, 460, 503), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requireTusVersion(request);
        const offset = parseByteCount(header(request, 'upload-offset'));
        if (offset === undefined) throw badOffset();
        const checksum = parseChecksum(header(request, 'upload-checksum'));
        if (checksum === 'unsupported' || checksum === 'malformed') throw badChecksumHeader(checksum);
        const raw = request.raw;
        const result: PatchResult = await ingest.receive(
          actor,
          request.params.id,
          { offset, ...(checksum ? { checksum } : {}) },
          // A client that goes away mid-body ends the stream early; Node marks the stream aborted.
          { bytes: raw, complete: () => !raw.readableAborted },
          requestContext(request),
        );
        presentOffset(reply, result.recording, result.offset);
        setExpires(reply, result.expiresAt);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      `${UPLOADS_PATH}/:id`,
      {
        schema: {
          tags: ['recordings'],
          summary: 'tus termination: give the upload up; its bytes are deleted',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requireTusVersion(request);
        await ingest.terminate(actor, request.params.id, requestContext(request));
        return reply.code(204).send(null);
      },
    );
  };
}

function presentOffset(reply: FastifyReply, row: RecordingRow, offset: number): void {
  reply.header('upload-offset', String(offset));
  reply.header('upload-length', String(row.byteSize));
  setExpires(reply, row.state === 'receiving' ? row.expiresAt : null);
}
