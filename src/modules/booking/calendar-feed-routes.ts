// The private calendar feed over HTTP: the lawyer makes, replaces or ends their feed URL while signed in;
// calendar applications fetch the feed with the URL alone.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from '../identity/http-auth.js';
import {
  calendarFeedIssuedSchema,
  calendarFeedParamsSchema,
  calendarFeedViewSchema,
} from './calendar-feed-schemas.js';
import { FEED_REFRESH_MINUTES, type CalendarFeedService } from './calendar-feed-service.js';

const errors = problemResponses(400, 401, 403, 404, 429);
/** Feed fetches one address may make in a minute. */
export const FEED_RATE_PER_MINUTE = 300;
/** A Host header worth building a URL from: a name or an address, and a port. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function calendarFeedRoutes(deps: {
  feeds: CalendarFeedService;
  /** CUSTOS_PUBLIC_URL when it is set; otherwise the URL follows the address the lawyer used. */
  publicUrl: string | null;
  /** The listening address, for a request whose Host header cannot be used. */
  fallbackUrl: string;
}): FastifyPluginAsyncZod {
  const { feeds } = deps;
  const baseUrlOf = (request: FastifyRequest) => {
    if (deps.publicUrl) return deps.publicUrl;
    return HOST.test(request.host) ? `${request.protocol}://${request.host}` : deps.fallbackUrl;
  };
  return async (app) => {
    app.get(
      '/lawyers/me/calendar-feed',
      {
        schema: {
          tags: ['booking'],
          summary: 'Whether the lawyer has a private calendar feed (its URL is shown only when made)',
          response: { 200: calendarFeedViewSchema, ...errors },
        },
      },
      async (request) => feeds.status(requireActor(request)),
    );

    app.post(
      '/lawyers/me/calendar-feed',
      {
        schema: {
          tags: ['booking'],
          summary: 'Make the lawyer’s calendar feed URL; an earlier URL stops working',
          response: { 201: calendarFeedIssuedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.code(201).send(await feeds.issue(actor, baseUrlOf(request), requestContext(request)));
      },
    );

    app.delete(
      '/lawyers/me/calendar-feed',
      {
        schema: {
          tags: ['booking'],
          summary: 'End the lawyer’s calendar feed; its URL stops working',
          response: { 204: z.null().describe('Ended (or there was none)'), ...errors },
        },
      },
      async (request, reply) => {
        await feeds.revoke(requireActor(request), requestContext(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/calendar-feeds/:token.ics',
      {
        // Per address, against one client hammering it. Generous, because behind a reverse proxy every
        // calendar shares the proxy's address (trustProxy is off): 300 a minute still serves thousands of
        // subscriptions refreshing hourly.
        config: { rateLimit: { max: FEED_RATE_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags: ['booking'],
          summary: 'A lawyer’s meetings as one iCalendar feed (no session: the URL is the key)',
          params: calendarFeedParamsSchema,
          produces: ['text/calendar'],
          response: { 200: z.string().describe('iCalendar (RFC 5545)'), 304: z.null(), ...errors },
        },
        // After the app's own onSend hook, which marks every API answer no-store: a calendar may keep
        // this one briefly and ask again with If-None-Match; no shared cache may keep it (the URL is
        // a secret, and so is what it lists).
        onSend: async (_request, reply, payload) => {
          if (reply.statusCode < 400) {
            reply.header('cache-control', `private, max-age=${(FEED_REFRESH_MINUTES * 60) / 4}`);
          }
          return payload;
        },
      },
      async (request, reply) => {
        const { body, etag } = await feeds.feed(request.params.token);
        reply.header('etag', etag).header('x-robots-tag', 'noindex');
        if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="custos-meetings.ics"')
          .send(body);
      },
    );
  };
}

/** If-None-Match holds this ETag (or is "*"). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
