// The booking API: centres and their availability for lawyers, configuration and roster for centre staff,
// and the booking journey (hold, complete, cancel) or a one-step booking for API clients.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import { orgUnitViewSchema } from '../identity/schemas.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import type { AvailabilityService } from './availability-service.js';
import type { BookingCalendarService } from './booking-calendar-service.js';
import type { BookingService } from './booking-service.js';
import type { CentreConfigService } from './centre-config-service.js';
import type { DaySheetService } from './day-sheet-service.js';
import type { RosterAdminService } from './roster-admin-service.js';
import type { RosterService } from './roster-service.js';
import { detaineeStatusResultSchema } from './centre-ops-schemas.js';
import {
  availabilityViewSchema,
  bookingViewSchema,
  bookRequestSchema,
  cancelRequestSchema,
  closedDateInputSchema,
  closedDateViewSchema,
  completeRequestSchema,
  daySheetQuerySchema,
  daySheetViewSchema,
  detaineeInputSchema,
  detaineeListItemSchema,
  detaineeStatusRequestSchema,
  facilitySettingsSchema,
  holdRequestSchema,
  myBookingsQuerySchema,
  roomInputSchema,
  roomViewSchema,
  rosterImportRequestSchema,
  rosterImportResultSchema,
  templateInputSchema,
  templateViewSchema,
  type RoomView,
  type TemplateView,
} from './schemas.js';
import type { RoomRow, TemplateRow } from './repository.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const unitParams = z.object({ unitId: z.uuid() });
const bookingParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });
const detaineeParams = z.object({ unitId: z.uuid(), id: z.uuid() });
const csvDateQuery = z.object({ date: z.iso.date() });

export function bookingRoutes(deps: {
  org: OrgDirectory;
  availability: AvailabilityService;
  centres: CentreConfigService;
  roster: RosterService;
  bookings: BookingService;
  rosterAdmin: RosterAdminService;
  daySheet: DaySheetService;
  calendar: BookingCalendarService;
}): FastifyPluginAsyncZod {
  const { org, availability, centres, roster, bookings, rosterAdmin, daySheet, calendar } = deps;
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
          request.body.onBehalfOf,
        ),
    );

    app.get(
      '/bookings/mine',
      {
        schema: {
          tags: ['booking'],
          summary:
            'The caller’s bookings from a week ago on; an assistant names their principal (onBehalfOf) for theirs',
          querystring: myBookingsQuerySchema,
          response: { 200: z.object({ items: z.array(bookingViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: await bookings.mine(requireActor(request), request.query.onBehalfOf),
      }),
    );

    // ---- centre staff: lists behind the configuration pages, roster administration, the day sheet

    app.get(
      '/centres/:unitId/rooms',
      {
        schema: {
          tags: ['booking'],
          summary: 'The centre’s meeting rooms and video terminals (centre staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(roomViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: (await centres.rooms(requireActor(request), request.params.unitId)).map(presentRoom),
      }),
    );

    app.get(
      '/centres/:unitId/session-templates',
      {
        schema: {
          tags: ['booking'],
          summary: 'The centre’s weekly sessions (centre staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(templateViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: (await centres.templates(requireActor(request), request.params.unitId)).map(presentTemplate),
      }),
    );

    app.get(
      '/centres/:unitId/closed-dates',
      {
        schema: {
          tags: ['booking'],
          summary: 'Dates from today on that the centre closes for bookings (centre staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(closedDateViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: await centres.closedDatesAhead(requireActor(request), request.params.unitId),
      }),
    );

    app.get(
      '/centres/:unitId/detainees',
      {
        schema: {
          tags: ['booking'],
          summary: 'The centre’s roster, ID numbers masked (centre staff)',
          params: unitParams,
          response: { 200: z.object({ items: z.array(detaineeListItemSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await rosterAdmin.list(requireActor(request), request.params.unitId) }),
    );

    app.post(
      '/centres/:unitId/detainees/import',
      {
        schema: {
          tags: ['booking'],
          summary: 'Preview (dryRun) or import a roster CSV, every row or none (centre staff)',
          params: unitParams,
          body: rosterImportRequestSchema,
          response: { 200: rosterImportResultSchema, ...errors },
        },
      },
      async (request) =>
        rosterAdmin.importCsv(
          requireActor(request),
          request.params.unitId,
          request.body,
          requestContext(request),
        ),
    );

    app.post(
      '/centres/:unitId/detainees/:id/status',
      {
        schema: {
          tags: ['booking'],
          summary:
            'Mark a detainee released, transferred (cancelling their meetings not yet started) or back in custody (centre staff)',
          params: detaineeParams,
          body: detaineeStatusRequestSchema,
          response: { 200: detaineeStatusResultSchema, ...errors },
        },
      },
      async (request) =>
        rosterAdmin.setStatus(
          requireActor(request),
          request.params.unitId,
          request.params.id,
          request.body.status,
          requestContext(request),
        ),
    );

    app.get(
      '/centres/:unitId/day-sheet',
      {
        schema: {
          tags: ['booking'],
          summary: 'The day’s meetings by session, in bring-out order (centre staff)',
          params: unitParams,
          querystring: daySheetQuerySchema,
          response: { 200: daySheetViewSchema, ...errors },
        },
      },
      async (request) => daySheet.forDay(requireActor(request), request.params.unitId, request.query),
    );

    app.get(
      '/centres/:unitId/bookings.csv',
      {
        schema: {
          tags: ['booking'],
          summary: 'The day sheet as CSV for Excel (UTF-8 with BOM; centre staff)',
          params: unitParams,
          querystring: csvDateQuery,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, UTF-8 with a byte-order mark'), ...errors },
        },
      },
      async (request, reply) => {
        const body = await daySheet.csv(
          requireActor(request),
          request.params.unitId,
          request.query.date,
          requestContext(request),
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="day-sheet-${request.query.date}.csv"`)
          .send(body);
      },
    );

    app.get(
      '/bookings/:id/ics',
      {
        schema: {
          tags: ['booking'],
          summary: 'A booking as an iCalendar file (the booking’s own lawyers)',
          params: bookingParams,
          produces: ['text/calendar'],
          response: { 200: z.string().describe('iCalendar (RFC 5545)'), ...errors },
        },
      },
      async (request, reply) => {
        const { filename, body } = await calendar.icsFor(requireActor(request), request.params.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(body);
      },
    );
  };
}

function presentRoom(r: RoomRow): RoomView {
  return { id: r.id, name: r.name, channel: r.channel as RoomView['channel'], active: r.active };
}

function presentTemplate(t: TemplateRow): TemplateView {
  return {
    id: t.id,
    weekday: t.weekday,
    startTime: t.startTime,
    endTime: t.endTime,
    channel: t.channel as TemplateView['channel'],
    onlinePlaces: t.onlinePlaces,
    walkInPlaces: t.walkInPlaces,
    durations: t.durations,
    roomId: t.roomId,
    active: t.active,
  };
}
