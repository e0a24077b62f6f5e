// The holiday-year API for admins: which years the business calendar covers, and adding or replacing one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { yearDataSchema } from '../../platform/calendar/business-calendar.js';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import type { HolidayYearService } from './holiday-year-service.js';
import {
  holidayYearListSchema,
  holidayYearParamsSchema,
  holidayYearViewSchema,
} from './holiday-year-schemas.js';

const errors = problemResponses(400, 401, 403);

export function holidayYearRoutes(deps: { holidayYears: HolidayYearService }): FastifyPluginAsyncZod {
  const { holidayYears } = deps;
  return async (app) => {
    app.get(
      '/holiday-years',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Years the business calendar covers, built in or added by an admin (admin)',
          response: { 200: holidayYearListSchema, ...errors },
        },
      },
      async (request) => ({ items: await holidayYears.list(requireActor(request)) }),
    );

    app.put(
      '/holiday-years/:year',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'Add or replace a year’s public holidays and make-up workdays (admin); 201 when added, 200 when replaced',
          params: holidayYearParamsSchema,
          body: yearDataSchema,
          response: { 200: holidayYearViewSchema, 201: holidayYearViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { view, created } = await holidayYears.put(
          requireActor(request),
          request.params.year,
          request.body,
          requestContext(request),
        );
        return reply.code(created ? 201 : 200).send(view);
      },
    );
  };
}
