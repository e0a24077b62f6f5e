// The centre's own acts on bookings: cancelling with a reason, recording whether a meeting took place (and
// the one correction allowed), the warning before a release or transfer cancels a detainee's meetings, and
// the lawyer's read of why the centre cancelled theirs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { AttendanceService } from './attendance-service.js';
import type { CentreCancellationService } from './centre-cancellation-service.js';
import {
  attendanceCorrectionSchema,
  attendanceRequestSchema,
  centreBookingResultSchema,
  centreCancellationViewSchema,
  centreCancelRequestSchema,
  upcomingBookingsSchema,
} from './centre-ops-schemas.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const centreBookingParams = z.object({ unitId: z.uuid(), id: z.uuid() });
const detaineeParams = z.object({ unitId: z.uuid(), id: z.uuid() });

export function centreOpsRoutes(deps: {
  cancellations: CentreCancellationService;
  attendance: AttendanceService;
}): FastifyPluginAsyncZod {
  const { cancellations, attendance } = deps;
  return async (app) => {
    app.post(
      '/centres/:unitId/bookings/:id/cancel',
      {
        schema: {
          tags: ['booking'],
          summary:
            'Cancel a booking for the centre, with a reason the lawyer reads (centre staff; no strike)',
          params: centreBookingParams,
          body: centreCancelRequestSchema,
          response: { 200: centreBookingResultSchema, ...errors },
        },
      },
      async (request) =>
        cancellations.cancel(
          requireActor(request),
          request.params.unitId,
          request.params.id,
          request.body,
          requestContext(request),
        ),
    );

    app.post(
      '/centres/:unitId/bookings/:id/attendance',
      {
        schema: {
          tags: ['booking'],
          summary:
            'Record that a confirmed meeting was attended, or a no-show (a strike), once it has started',
          params: centreBookingParams,
          body: attendanceRequestSchema,
          response: { 200: centreBookingResultSchema, ...errors },
        },
      },
      async (request) =>
        attendance.record(
          requireActor(request),
          request.params.unitId,
          request.params.id,
          request.body.outcome,
          requestContext(request),
        ),
    );

    app.post(
      '/centres/:unitId/bookings/:id/attendance/correction',
      {
        schema: {
          tags: ['booking'],
          summary: 'Correct a meeting wrongly recorded as attended to a no-show, on its day, with the reason',
          params: centreBookingParams,
          body: attendanceCorrectionSchema,
          response: { 200: centreBookingResultSchema, ...errors },
        },
      },
      async (request) =>
        attendance.correctToNoShow(
          requireActor(request),
          request.params.unitId,
          request.params.id,
          request.body.reason,
          requestContext(request),
        ),
    );

    app.get(
      '/centres/:unitId/detainees/:id/upcoming-bookings',
      {
        schema: {
          tags: ['booking'],
          summary: 'How many meetings with a detainee have not started: what a release or transfer cancels',
          params: detaineeParams,
          response: { 200: upcomingBookingsSchema, ...errors },
        },
      },
      async (request) => ({
        count: await cancellations.comingMeetingCount(
          requireActor(request),
          request.params.unitId,
          request.params.id,
        ),
      }),
    );

    app.get(
      '/bookings/mine/centre-cancellations',
      {
        schema: {
          tags: ['booking'],
          summary: 'Why the centre cancelled the caller’s meetings (those “my bookings” lists)',
          response: { 200: z.object({ items: z.array(centreCancellationViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await cancellations.ofMyBookings(requireActor(request)) }),
    );
  };
}
