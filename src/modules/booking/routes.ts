// The booking API: centres and their availability for lawyers, configuration and roster for centre staff,
// and the booking journey (hold, complete, cancel) or a one-step booking for API clients.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import { orgUnitViewSchema } from '../identity/schemas.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import type { AvailabilityService } from './availability-service.js';
import type { BookingService } from './booking-service.js';
import type { CentreConfigService } from './centre-config-service.js';
import type { RosterService } from './roster-service.js';
import {
  availabilityViewSchema,
  bookingViewSchema,
  bookRequestSchema,
  cancelRequestSchema,
  closedDateInputSchema,
  completeRequestSchema,
  detaineeInputSchema,
  facilitySettingsSchema,
  holdRequestSchema,
  roomInputSchema,
  templateInputSchema,
} from './schemas.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const unitParams = z.object({ unitId: z.uuid() });
const bookingParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });

export function bookingRoutes(deps: {
  org: OrgDirectory;
  availability: AvailabilityService;
  centres: CentreConfigService;
  roster: RosterService;
  bookings: BookingService;
}): FastifyPluginAsyncZod {
  const { org, availability, centres, roster, bookings } = deps;
  return async (app) => {
    app.get(
      '/centres',
      {
        schema: {
          tags: ['booking'],
          summary: 'Detention centres that take bookings',
          response: { 200: z.object({ items: z.array(orgUnitViewSchema) }), ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await org.centres() };
      },
    );

    app.get(
      '/centres/:unitId/availability',
      {
        schema: {
          tags: ['booking'],
          summary: 'Bookable days and sessions of a centre, with the places left',
          params: unitParams,
          response: { 200: availabilityViewSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return availability.forCentre(request.params.unitId);
      },
    );

    app.get(
      '/centres/:unitId/settings',
      {
        schema: {
          tags: ['booking'],
          summary: 'The centre’s booking rules',
          params: unitParams,
          response: { 200: facilitySettingsSchema, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return centres.settingsOf(request.params.unitId);
      },
    );

    app.put(
      '/centres/:unitId/settings',
      {
        schema: {
          tags: ['booking'],
          summary: 'Change the centre’s booking rules (centre staff)',
          params: unitParams,
          body: facilitySettingsSchema,
          response: { 200: facilitySettingsSchema, ...errors },
        },
      },
      async (request) =>
        centres.updateSettings(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        ),
    );

    app.post(
      '/centres/:unitId/rooms',
      {
        schema: {
          tags: ['booking'],
          summary: 'Add a meeting room or video terminal (centre staff)',
          params: unitParams,
          body: roomInputSchema,
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const room = await centres.addRoom(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        );
        return reply.code(201).send({ id: room.id });
      },
    );

    app.post(
      '/centres/:unitId/session-templates',
      {
        schema: {
          tags: ['booking'],
          summary: 'Add a weekly session (centre staff)',
          params: unitParams,
          body: templateInputSchema,
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const t = await centres.addTemplate(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        );
        return reply.code(201).send({ id: t.id });
      },
    );

    app.post(
      '/centres/:unitId/closed-dates',
      {
        schema: {
          tags: ['booking'],
          summary: 'Close the centre for bookings on a date (centre staff)',
          params: unitParams,
          body: closedDateInputSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await centres.closeDate(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/centres/:unitId/detainees',
      {
        schema: {
          tags: ['booking'],
          summary: 'Add a detainee to the roster (centre staff)',
          params: unitParams,
          body: detaineeInputSchema,
          response: { 201: created, ...errors },
        },
      },
      async (request, reply) => {
        const d = await roster.addDetainee(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        );
        return reply.code(201).send({ id: d.id });
      },
    );

    app.post(
      '/bookings/holds',
      {
        schema: {
          tags: ['booking'],
          summary: 'Hold a place in a session while completing the booking',
          body: holdRequestSchema,
          response: { 201: bookingViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await bookings.hold(requireActor(request), request.body, requestContext(request))),
    );

    app.post(
      '/bookings/:id/complete',
      {
        schema: {
          tags: ['booking'],
          summary: 'Complete a held booking with the client and co-counsel',
          params: bookingParams,
          body: completeRequestSchema,
          response: { 200: bookingViewSchema, ...errors },
        },
      },
      async (request) =>
        bookings.complete(requireActor(request), request.params.id, request.body, requestContext(request)),
    );

    app.post(
      '/bookings',
      {
        schema: {
          tags: ['booking'],
          summary: 'Book in one step (idempotent on idempotencyKey)',
          body: bookRequestSchema,
          response: { 201: bookingViewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await bookings.book(requireActor(request), request.body, requestContext(request))),
    );

    app.post(
      '/bookings/:id/cancel',
      {
        schema: {
          tags: ['booking'],
          summary: 'Cancel a booking (after the centre’s deadline it counts as a no-show)',
          params: bookingParams,
          body: cancelRequestSchema,
          response: { 200: bookingViewSchema, ...errors },
        },
      },
      async (request) =>
        bookings.cancel(
          requireActor(request),
          request.params.id,
          request.body.reason,
          requestContext(request),
        ),
    );

    app.get(
      '/bookings/mine',
      {
        schema: {
          tags: ['booking'],
          summary: 'The caller’s bookings from a week ago on',
          response: { 200: z.object({ items: z.array(bookingViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await bookings.mine(requireActor(request)) }),
    );
  };
}
