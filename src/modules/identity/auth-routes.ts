// Sign-in, second factor, sign-out and password change.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, problemSchema } from '../../platform/http/problem.js';
import type { AuthService } from './auth-service.js';
import { presentSession } from './auth-service.js';
import { sessionIncomplete } from './errors.js';
import { clearSessionCookie, requestContext, requireSession, setSessionCookie } from './http-auth.js';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  sessionSchema,
  totpCodeSchema,
  totpEnrolmentSchema,
} from './schemas.js';
import type { SecondFactorService } from './second-factor-service.js';

const errors = problemResponses(400, 401, 403, 423, 429);

export function authRoutes(deps: {
  auth: AuthService;
  secondFactor: SecondFactorService;
  secureCookies: boolean;
}): FastifyPluginAsyncZod {
  const { auth, secondFactor, secureCookies } = deps;
  return async (app) => {
    app.get(
      '/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'The current session, or 401',
          response: { 200: sessionSchema, 401: problemSchema },
        },
      },
      async (request) => presentSession(requireSession(request)),
    );

    app.post(
      '/auth/login',
      {
        // Per address, on top of the per-account lock-out kept in the database.
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with username and password',
          body: loginRequestSchema,
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { token, view, cookieExpires } = await auth.login(request.body, requestContext(request));
        setSessionCookie(reply, token, cookieExpires, secureCookies);
        return view;
      },
    );

    app.post(
      '/auth/totp/enrolment',
      {
        schema: {
          tags: ['auth'],
          summary: 'Offer a TOTP secret and QR code to a staff user who has none',
          response: { 200: totpEnrolmentSchema, ...errors },
        },
      },
      async (request) => secondFactor.startEnrolment(requireSession(request)),
    );

    app.post(
      '/auth/totp/enrolment/confirm',
      {
        schema: {
          tags: ['auth'],
          summary: 'Bind the offered secret by entering a code from the app',
          body: totpCodeSchema,
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (request) =>
        secondFactor.confirmEnrolment(requireSession(request), request.body.code, requestContext(request)),
    );

    app.post(
      '/auth/totp/verify',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Pass the second factor with a code from the app',
          body: totpCodeSchema,
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (request) =>
        secondFactor.verify(requireSession(request), request.body.code, requestContext(request)),
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        if (request.auth) await auth.logout(request.auth, requestContext(request));
        clearSessionCookie(reply, secureCookies);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password',
          body: changePasswordRequestSchema,
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (request) => {
        const resolved = requireSession(request);
        // A staff user with a second factor pending must pass it before touching the password.
        if (
          resolved.session.secondFactor === 'required' ||
          resolved.session.secondFactor === 'enrolment_required'
        ) {
          throw sessionIncomplete();
        }
        return auth.changePassword(resolved, request.body, requestContext(request));
      },
    );
  };
}
