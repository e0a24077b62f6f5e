// The cases API: cases with their persons and officers, status changes, and activities.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { ActivityService } from './activity-service.js';
import type { CaseService } from './case-service.js';
import {
  activityViewSchema,
  addOfficerRequestSchema,
  caseListItemSchema,
  caseListQuerySchema,
  caseStatusRequestSchema,
  caseViewSchema,
  createActivityRequestSchema,
  createCaseRequestSchema,
  personInputSchema,
  personViewSchema,
  updateActivityRequestSchema,
} from './schemas.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const caseParams = z.object({ caseId: z.uuid() });
const activityParams = z.object({ caseId: z.uuid(), activityId: z.uuid() });

export function caseRoutes(deps: { cases: CaseService; activities: ActivityService }): FastifyPluginAsyncZod {
  const { cases, activities } = deps;
  return async (app) => {
    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Cases in reach: the handling unit’s officers and custodians, the region’s reviewers and supervisors',
          querystring: caseListQuerySchema,
          response: { 200: z.object({ items: z.array(caseListItemSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await cases.list(requireActor(request), request.query) }),
    );

    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a case (case officer of the handling unit)',
          body: createCaseRequestSchema,
          response: { 201: caseViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await cases.create(requireActor(request), request.body, requestContext(request))),
    );

    app.get(
      '/cases/:caseId',
      {
        schema: {
          tags: ['cases'],
          summary:
            'A case with its persons, activities and the recordings its mandatory activities still lack',
          params: caseParams,
          response: { 200: caseViewSchema, ...errors },
        },
      },
      async (request) => cases.view(requireActor(request), request.params.caseId),
    );

    app.put(
      '/cases/:caseId/status',
      {
        schema: {
          tags: ['cases'],
          summary: 'Send a case to legal review, return it, or close it',
          params: caseParams,
          body: caseStatusRequestSchema,
          response: { 200: caseViewSchema, ...errors },
        },
      },
      async (request) =>
        cases.changeStatus(
          requireActor(request),
          request.params.caseId,
          request.body.status,
          requestContext(request),
        ),
    );

    app.post(
      '/cases/:caseId/officers',
      {
        schema: {
          tags: ['cases'],
          summary: 'Put another case officer of the handling unit on the case',
          params: caseParams,
          body: addOfficerRequestSchema,
          response: { 200: caseViewSchema, ...errors },
        },
      },
      async (request) =>
        cases.addOfficer(
          requireActor(request),
          request.params.caseId,
          request.body.userId,
          requestContext(request),
        ),
    );

    app.post(
      '/cases/:caseId/persons',
      {
        schema: {
          tags: ['cases'],
          summary: 'Add a suspect, witness or victim to the case',
          params: caseParams,
          body: personInputSchema,
          response: { 201: personViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await cases.addPerson(
              requireActor(request),
              request.params.caseId,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.post(
      '/cases/:caseId/activities',
      {
        schema: {
          tags: ['cases'],
          summary: 'Add an activity to the case',
          params: caseParams,
          body: createActivityRequestSchema,
          response: { 201: activityViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await activities.add(
              requireActor(request),
              request.params.caseId,
              request.body,
              requestContext(request),
            ),
          ),
    );

    app.patch(
      '/cases/:caseId/activities/:activityId',
      {
        schema: {
          tags: ['cases'],
          summary: 'Change an activity’s place, times, participants or (for optional kinds) recording',
          params: activityParams,
          body: updateActivityRequestSchema,
          response: { 200: activityViewSchema, ...errors },
        },
      },
      async (request) =>
        activities.update(
          requireActor(request),
          request.params.caseId,
          request.params.activityId,
          request.body,
          requestContext(request),
        ),
    );
  };
}
