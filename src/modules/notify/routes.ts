// The notify API: administrators read the delivery record and the development mailbox. Sending has no
// route: other modules' services enqueue messages as part of their own use cases.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requireActor } from '../identity/http-auth.js';
import type { NotifyAdminService } from './notify-admin-service.js';
import {
  devMessageViewSchema,
  listDevMessagesQuerySchema,
  listNotificationsQuerySchema,
  notificationViewSchema,
} from './schemas.js';

const errors = problemResponses(400, 401, 403);

export function notifyRoutes(deps: { notifyAdmin: NotifyAdminService }): FastifyPluginAsyncZod {
  const { notifyAdmin } = deps;
  return async (app) => {
    app.get(
      '/notify/dev-messages',
      {
        schema: {
          tags: ['notify'],
          summary: 'Messages the development provider delivered, newest first (admin, own region)',
          querystring: listDevMessagesQuerySchema,
          response: { 200: z.object({ items: z.array(devMessageViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: await notifyAdmin.listDevMessages(requireActor(request), request.query),
      }),
    );

    app.get(
      '/notify/notifications',
      {
        schema: {
          tags: ['notify'],
          summary: 'Notifications and their delivery status, newest first (admin, own region)',
          querystring: listNotificationsQuerySchema,
          response: { 200: z.object({ items: z.array(notificationViewSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: await notifyAdmin.listNotifications(requireActor(request), request.query),
      }),
    );
  };
}
