// The lawyers API: public registration (code, then the form), the lawyer's own account, assistants and
// appeals, and the centre staff's review queue and suspensions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { AccountService } from './account-service.js';
import type { AssistantService } from './assistant-service.js';
import type { RegistrationService } from './registration-service.js';
import type { ReviewService } from './review-service.js';
import {
  appealRequestSchema,
  assistantLinkViewSchema,
  inviteAssistantRequestSchema,
  lawyerAccountViewSchema,
  liftRequestSchema,
  registrationRequestSchema,
  registrationResultSchema,
  rejectRequestSchema,
  resubmissionRequestSchema,
  reviewItemSchema,
  reviewQueueQuerySchema,
  suspensionViewSchema,
  verificationCodeRequestSchema,
  verificationCodeSentSchema,
} from './schemas.js';
import type { StandingService } from './standing-service.js';
import type { VerificationService } from './verification-service.js';

const errors = problemResponses(400, 401, 403, 404, 409, 429);
const userParams = z.object({ userId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });
/** A 5 MB photo is about 6.7 MB as base64; the rest of the form is small. */
const PHOTO_BODY_LIMIT = 7 * 1024 * 1024;

export function lawyerRoutes(deps: {
  verification: VerificationService;
  registration: RegistrationService;
  review: ReviewService;
  standing: StandingService;
  assistants: AssistantService;
  account: AccountService;
}): FastifyPluginAsyncZod {
  const { verification, registration, review, standing, assistants, account } = deps;
  return async (app) => {
    // ---- public: registration

    app.post(
      '/lawyer-registrations/verification-codes',
      {
        // Per address, on top of the per-number limits kept in the database.
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['lawyers'],
          summary: 'Send a verification code to a mobile number (public)',
          body: verificationCodeRequestSchema,
          response: { 202: verificationCodeSentSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(202).send(await verification.send(request.body)),
    );

    app.post(
      '/lawyer-registrations',
      {
        bodyLimit: PHOTO_BODY_LIMIT,
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['lawyers'],
          summary: 'Register as a lawyer (public); the account waits for review by centre staff',
          body: registrationRequestSchema,
          response: { 201: registrationResultSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await registration.register(request.body, requestContext(request))),
    );

    // ---- the lawyer

    app.get(
      '/lawyers/me',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'The lawyer’s registration status, suspensions and assistants',
          response: { 200: lawyerAccountViewSchema, ...errors },
        },
      },
      async (request) => account.account(requireActor(request)),
    );

    app.put(
      '/lawyers/me/registration',
      {
        bodyLimit: PHOTO_BODY_LIMIT,
        schema: {
          tags: ['lawyers'],
          summary: 'Correct a rejected registration and submit it again',
          body: resubmissionRequestSchema,
          response: { 200: lawyerAccountViewSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await registration.resubmit(actor, request.body, requestContext(request));
        return account.account(actor);
      },
    );

    app.post(
      '/lawyers/me/assistants',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Name an assistant by username; the link holds once they confirm',
          body: inviteAssistantRequestSchema,
          response: { 201: assistantLinkViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await assistants.invite(requireActor(request), request.body.username, requestContext(request)),
          ),
    );

    app.post(
      '/lawyer-assistant-links/:id/confirm',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Accept being a lawyer’s assistant',
          params: idParams,
          response: { 200: assistantLinkViewSchema, ...errors },
        },
      },
      async (request) =>
        assistants.confirm(requireActor(request), request.params.id, requestContext(request)),
    );

    app.post(
      '/lawyer-assistant-links/:id/end',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'End (or decline) an assistant link, from either side',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await assistants.end(requireActor(request), request.params.id, requestContext(request));
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/lawyer-suspensions/:id/appeal',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Appeal a suspension of online booking',
          params: idParams,
          body: appealRequestSchema,
          response: { 200: suspensionViewSchema, ...errors },
        },
      },
      async (request) =>
        standing.appeal(
          requireActor(request),
          request.params.id,
          request.body.appeal,
          requestContext(request),
        ),
    );

    // ---- centre staff

    app.get(
      '/lawyer-reviews',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Lawyer registrations by status (centre staff); pending ones oldest first',
          querystring: reviewQueueQuerySchema,
          response: { 200: z.object({ items: z.array(reviewItemSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await review.queue(requireActor(request), request.query.status) }),
    );

    app.get(
      '/lawyer-reviews/:userId/licence-photo',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'The licence photo of a registration (centre staff; each view is audited)',
          params: userParams,
          produces: ['image/jpeg', 'image/png', 'application/pdf'],
          response: { 200: z.any().describe('The file as uploaded: JPEG, PNG or PDF'), ...errors },
        },
      },
      async (request, reply) => {
        const photo = await review.licencePhoto(
          requireActor(request),
          request.params.userId,
          requestContext(request),
        );
        return reply
          .type(photo.contentType)
          .header('content-disposition', 'inline')
          .send(Buffer.from(photo.bytes));
      },
    );

    app.post(
      '/lawyer-reviews/:userId/approve',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Approve a pending registration (centre staff)',
          params: userParams,
          response: { 200: reviewItemSchema, ...errors },
        },
      },
      async (request) =>
        review.approve(requireActor(request), request.params.userId, requestContext(request)),
    );

    app.post(
      '/lawyer-reviews/:userId/reject',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Reject a pending registration with a reason the lawyer reads (centre staff)',
          params: userParams,
          body: rejectRequestSchema,
          response: { 200: reviewItemSchema, ...errors },
        },
      },
      async (request) =>
        review.reject(
          requireActor(request),
          request.params.userId,
          request.body.reason,
          requestContext(request),
        ),
    );

    app.get(
      '/centres/:unitId/lawyer-suspensions',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Suspensions of online booking at the centre, in force and of the past year (its staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(suspensionViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: await standing.suspensionsAt(requireActor(request), request.params.unitId),
      }),
    );

    app.post(
      '/lawyer-suspensions/:id/lift',
      {
        schema: {
          tags: ['lawyers'],
          summary: 'Lift a suspension early, with the reason (the centre’s staff)',
          params: idParams,
          body: liftRequestSchema,
          response: { 200: suspensionViewSchema, ...errors },
        },
      },
      async (request) =>
        standing.lift(requireActor(request), request.params.id, request.body.reason, requestContext(request)),
    );
  };
}
