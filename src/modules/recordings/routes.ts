// The recordings API beside the tus endpoint: a case's recordings, one recording, annotations, fixity alerts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { PlaybackService } from './playback-service.js';
import type { RecordingService } from './recording-service.js';
import {
  acknowledgeAlertRequestSchema,
  alertViewSchema,
  annotationRequestSchema,
  recordingViewSchema,
  viewGrantSchema,
} from './schemas.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const idParams = z.object({ id: z.uuid() });
const caseParams = z.object({ caseId: z.uuid() });

export function recordingRoutes(deps: {
  recordings: RecordingService;
  playback: PlaybackService;
}): FastifyPluginAsyncZod {
  const { recordings, playback } = deps;
  return async (app) => {
    app.post(
      '/recordings/:id/views',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Open the player: records the view and grants its viewer the working copy for a few hours',
          params: idParams,
          response: { 201: viewGrantSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await playback.startView(requireActor(request), request.params.id, requestContext(request))),
    );

    app.get(
      '/recordings/:id/media',
      {
        // A video element fetches by range; no HEAD route, so each answer is one streamed read.
        exposeHeadRoute: false,
        schema: {
          tags: ['recordings'],
          summary: 'The working copy’s bytes for a view’s grant, whole or by Range (206)',
          params: idParams,
          querystring: z.object({ view: z.string().min(10).max(1000) }),
        },
      },
      async (request, reply) => {
        const range = request.headers.range;
        const answer = await playback.media(
          requireActor(request),
          request.params.id,
          request.query.view,
          typeof range === 'string' ? range : undefined,
        );
        reply.code(answer.status).headers(answer.headers);
        return answer.body ? reply.send(answer.body) : reply.send();
      },
    );

    app.get(
      '/cases/:caseId/recordings',
      {
        schema: {
          tags: ['recordings'],
          summary:
            'A case’s recordings: uploads in progress, sealed ones with their copies and hashes, ended ones',
          params: caseParams,
          response: { 200: z.object({ items: z.array(recordingViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await recordings.ofCase(requireActor(request), request.params.caseId) }),
    );

    app.get(
      '/recordings/:id',
      {
        schema: {
          tags: ['recordings'],
          summary: 'One recording',
          params: idParams,
          response: { 200: recordingViewSchema, ...errors },
        },
      },
      async (request) => recordings.view(requireActor(request), request.params.id),
    );

    app.post(
      '/recordings/:id/annotations',
      {
        schema: {
          tags: ['recordings'],
          summary:
            'Annotate a sealed recording: a note, or a correction of its capture times (the given ones stay)',
          params: idParams,
          body: annotationRequestSchema,
          response: { 201: recordingViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await recordings.annotate(
              requireActor(request),
              request.params.id,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.get(
      '/evidence/alerts',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Open fixity alerts on recordings the user may read',
          response: { 200: z.object({ items: z.array(alertViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await recordings.openAlerts(requireActor(request)) }),
    );

    app.post(
      '/evidence/alerts/:id/acknowledge',
      {
        schema: {
          tags: ['recordings'],
          summary: 'Acknowledge a fixity alert (a custodian independent of the case)',
          params: idParams,
          body: acknowledgeAlertRequestSchema,
          response: { 200: alertViewSchema, ...errors },
        },
      },
      async (request) =>
        recordings.acknowledgeAlert(
          requireActor(request),
          request.params.id,
          request.body.note,
          requestContext(request),
        ),
    );
  };
}
