// Account administration and the organisation tree.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../platform/http/problem.js';
import { requestContext, requireActor } from './http-auth.js';
import {
  createUserRequestSchema,
  listUsersQuerySchema,
  orgUnitViewSchema,
  userViewSchema,
} from './schemas.js';
import type { OrgDirectory } from './org-directory.js';
import type { UserAdminService } from './user-admin-service.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const idParams = z.object({ id: z.uuid() });

export function userRoutes(deps: { users: UserAdminService; org: OrgDirectory }): FastifyPluginAsyncZod {
  const { users, org } = deps;
  return async (app) => {
    app.get(
      '/org-units',
      {
        schema: {
          tags: ['identity'],
          summary: 'The organisation tree of the caller’s region',
          response: { 200: z.object({ items: z.array(orgUnitViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await org.listUnits(requireActor(request)) }),
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'Users of the admin’s region, optionally of one unit and matching a search',
          querystring: listUsersQuerySchema,
          response: { 200: z.object({ items: z.array(userViewSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await users.listUsers(requireActor(request), request.query) }),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create a user; the temporary password is shown once',
          body: createUserRequestSchema,
          response: { 201: z.object({ user: userViewSchema, temporaryPassword: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const created = await users.createUser(requireActor(request), request.body, requestContext(request));
        return reply.code(201).send(created);
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags: ['identity'],
          summary: 'Issue a new temporary password and end the user’s sessions',
          params: idParams,
          response: { 200: z.object({ temporaryPassword: z.string() }), ...errors },
        },
      },
      async (request) =>
        users.resetPassword(requireActor(request), request.params.id, requestContext(request)),
    );

    const simple = [
      [
        'reset-second-factor',
        'Remove the user’s TOTP so they enrol again',
        (a, id, c) => users.resetSecondFactor(a, id, c),
      ],
      ['unlock', 'Lift a lock-out after failed sign-ins', (a, id, c) => users.unlock(a, id, c)],
      [
        'disable',
        'Disable the account and end its sessions',
        (a, id, c) => users.setEnabled(a, id, false, c),
      ],
      ['enable', 'Enable a disabled account', (a, id, c) => users.setEnabled(a, id, true, c)],
    ] as const satisfies readonly (readonly [
      string,
      string,
      (a: ReturnType<typeof requireActor>, id: string, c: ReturnType<typeof requestContext>) => Promise<void>,
    ])[];
    for (const [action, summary, run] of simple) {
      app.post(
        `/users/:id/${action}`,
        { schema: { tags: ['identity'], summary, params: idParams, response: { 204: z.null(), ...errors } } },
        async (request, reply) => {
          await run(requireActor(request), request.params.id, requestContext(request));
          return reply.code(204).send(null);
        },
      );
    }
  };
}
