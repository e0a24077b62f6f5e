// The audit API: events and proofs for auditors; checkpoints and the verifier key for every signed-in user.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requireActor } from '../identity/http-auth.js';
import {
  activityItemSchema,
  auditEventViewSchema,
  checkpointViewSchema,
  consistencyProofViewSchema,
  consistencyQuerySchema,
  inclusionProofViewSchema,
  listEventsQuerySchema,
  verificationReportSchema,
  verifierKeyViewSchema,
} from './schemas.js';
import type { AuditService } from './service.js';

const errors = problemResponses(400, 401, 403, 404, 409);

export function auditRoutes(deps: { audit: AuditService }): FastifyPluginAsyncZod {
  const { audit } = deps;
  return async (app) => {
    app.get(
      '/me/activity',
      {
        schema: {
          tags: ['audit'],
          summary: 'The caller’s own recent sign-in events',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.object({ items: z.array(activityItemSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await audit.activityOf(requireActor(request), request.query.limit) }),
    );

    app.get(
      '/audit/events',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit events in the auditor’s reach, newest first',
          querystring: listEventsQuerySchema,
          response: {
            200: z.object({ items: z.array(auditEventViewSchema), nextBefore: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => audit.listEvents(requireActor(request), request.query),
    );

    app.get(
      '/audit/events/:id/proof',
      {
        schema: {
          tags: ['audit'],
          summary: 'Inclusion proof of an event in the latest signed checkpoint',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: inclusionProofViewSchema, ...errors },
        },
      },
      async (request) => audit.inclusionProofFor(requireActor(request), request.params.id),
    );

    app.get(
      '/audit/checkpoints/latest',
      {
        schema: {
          tags: ['audit'],
          summary: 'The latest signed checkpoint',
          response: { 200: checkpointViewSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return audit.latestCheckpoint();
      },
    );

    app.get(
      '/audit/checkpoints',
      {
        schema: {
          tags: ['audit'],
          summary: 'Recent signed checkpoints, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.object({ items: z.array(checkpointViewSchema) }), ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await audit.recentCheckpoints(request.query.limit) };
      },
    );

    app.get(
      '/audit/consistency',
      {
        schema: {
          tags: ['audit'],
          summary: 'Consistency proof between two checkpoints',
          querystring: consistencyQuerySchema,
          response: { 200: consistencyProofViewSchema, ...errors },
        },
      },
      async (request) =>
        audit.consistencyProofBetween(requireActor(request), request.query.from, request.query.to),
    );

    app.get(
      '/audit/verifier-key',
      {
        schema: {
          tags: ['audit'],
          summary: 'The public key that signs checkpoints',
          response: { 200: verifierKeyViewSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return audit.verifierKey();
      },
    );

    app.post(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: 'Re-derive the whole log and check every checkpoint (as `custos audit verify`)',
          response: { 200: verificationReportSchema, ...errors },
        },
      },
      async (request) => audit.verify(requireActor(request)),
    );
  };
}
