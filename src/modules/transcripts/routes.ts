// The transcripts and interruptions API, under the case whose activities they belong to.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendInlineFile } from '../../platform/http/inline-file.js';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import {
  caseActivityRecordsViewSchema,
  interruptionAnnotationRequestSchema,
  interruptionViewSchema,
  recordInterruptionRequestSchema,
  transcriptViewSchema,
  uploadTranscriptRequestSchema,
} from './schemas.js';
import type { TranscriptService } from './transcript-service.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const caseParams = z.object({ caseId: z.uuid() });
const activityParams = z.object({ caseId: z.uuid(), activityId: z.uuid() });
const FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

export function transcriptRoutes(deps: { transcripts: TranscriptService }): FastifyPluginAsyncZod {
  const { transcripts } = deps;
  return async (app) => {
    app.get(
      '/cases/:caseId/activity-records',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Each activity’s recorded segments, transcripts compared with them, interruptions and flagged gaps',
          params: caseParams,
          response: { 200: caseActivityRecordsViewSchema, ...errors },
        },
      },
      async (request) => transcripts.ofCase(requireActor(request), request.params.caseId),
    );

    app.post(
      '/cases/:caseId/activities/:activityId/transcripts',
      {
        // A 10 MiB file is about 13.4 MiB as base64, plus the times.
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags: ['cases'],
          summary: 'File the transcript (笔录) of an activity with its start and end (case officer)',
          params: activityParams,
          body: uploadTranscriptRequestSchema,
          response: { 201: transcriptViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await transcripts.upload(
              requireActor(request),
              request.params.caseId,
              request.params.activityId,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.get(
      '/cases/:caseId/transcripts/:transcriptId/content',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a transcript’s file (anyone who may read the case; every view is audited)',
          params: z.object({ caseId: z.uuid(), transcriptId: z.uuid() }),
          produces: FILE_TYPES,
          response: { 200: z.any().describe('The transcript as uploaded: JPEG, PNG or PDF'), ...errors },
        },
      },
      async (request, reply) =>
        sendInlineFile(
          reply,
          await transcripts.open(
            requireActor(request),
            request.params.caseId,
            request.params.transcriptId,
            requestContext(request),
          ),
        ),
    );

    app.post(
      '/cases/:caseId/activities/:activityId/interruptions',
      {
        schema: {
          tags: ['cases'],
          summary: 'Record an interruption of an activity’s recording (case officer)',
          params: activityParams,
          body: recordInterruptionRequestSchema,
          response: { 201: interruptionViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await transcripts.recordInterruption(
              requireActor(request),
              request.params.caseId,
              request.params.activityId,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.post(
      '/cases/:caseId/interruptions/:interruptionId/annotations',
      {
        schema: {
          tags: ['cases'],
          summary: 'Correct an interruption’s times with a reason; the recorded facts stay as they were',
          params: z.object({ caseId: z.uuid(), interruptionId: z.uuid() }),
          body: interruptionAnnotationRequestSchema,
          response: { 201: interruptionViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await transcripts.annotateInterruption(
              requireActor(request),
              request.params.caseId,
              request.params.interruptionId,
              request.body,
              requestContext(request),
            ),
          ),
    );
  };
}
