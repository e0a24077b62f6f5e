// The waiting-list API: a lawyer joins a full session's queue, reads their entries and withdraws; the
// centre's staff read a session's queue and the queue lengths of a day.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import {
  joinWaitlistRequestSchema,
  queueLengthsQuerySchema,
  queueLengthsViewSchema,
  sessionQueueViewSchema,
  waitlistEntryViewSchema,
} from './waitlist-schemas.js';
import type { WaitlistService } from './waitlist-service.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const idParams = z.object({ id: z.uuid() });
const unitSessionParams = z.object({ unitId: z.uuid(), id: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });

export function waitlistRoutes(deps: { waitlist: WaitlistService }): FastifyPluginAsyncZod {
  const { waitlist } = deps;
  return async (app) => {
    app.post(
      '/sessions/:id/waitlist',
      {
        schema: {
          tags: ['waitlist'],
          summary: 'Join a full session’s waiting list (201; 200 with the entry the lawyer already has)',
          params: idParams,
          body: joinWaitlistRequestSchema,
          response: { 200: waitlistEntryViewSchema, 201: waitlistEntryViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { entry, created } = await waitlist.join(
          requireActor(request),
          request.params.id,
          request.body,
          requestContext(request),
        );
        return reply.code(created ? 201 : 200).send(entry);
      },
    );

    app.post(
      '/waitlist/:id/withdraw',
      {
        schema: {
          tags: ['waitlist'],
          summary: 'Leave the waiting list; an offered place is given up and passed to the next lawyer',
          params: idParams,
          response: { 200: waitlistEntryViewSchema, ...errors },
        },
      },
      async (request) => waitlist.withdraw(requireActor(request), request.params.id, requestContext(request)),
    );

    app.get(
      '/waitlist/mine',
      {
        schema: {
          tags: ['waitlist'],
          summary: 'The caller’s waiting-list entries, with their place in the queue and any live offer',
          response: { 200: z.object({ items: z.array(waitlistEntryViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await waitlist.mine(requireActor(request)) }),
    );

    app.get(
      '/centres/:unitId/sessions/:id/waitlist',
      {
        schema: {
          tags: ['waitlist'],
          summary: 'A session’s waiting list in queue order (centre staff)',
          params: unitSessionParams,
          response: { 200: sessionQueueViewSchema, ...errors },
        },
      },
      async (request) => waitlist.queue(requireActor(request), request.params.unitId, request.params.id),
    );

    app.get(
      '/centres/:unitId/waitlist',
      {
        schema: {
          tags: ['waitlist'],
          summary: 'How many lawyers wait in each session of a day (centre staff)',
          params: unitParams,
          querystring: queueLengthsQuerySchema,
          response: { 200: queueLengthsViewSchema, ...errors },
        },
      },
      async (request) =>
        waitlist.queueLengths(requireActor(request), request.params.unitId, request.query.date),
    );
  };
}
