// Resolves the session cookie on every request and guards state-changing requests with the session's
// CSRF token. Routes then ask for what they need: any session (sign-in steps) or a complete actor.
import crypto from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from './actor.js';
import type { AuthService, ResolvedSession } from './auth-service.js';
import { csrfRejected, noSession, sessionIncomplete } from './errors.js';
import { SESSION_COOKIE } from './session-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in has no session to take a token from; JSON-only bodies already stop cross-site forms. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export function authHook(auth: AuthService): FastifyPluginAsync {
  return fp(async (app) => {
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request) => {
      request.auth = await auth.resolve(request.cookies[SESSION_COOKIE]);
    });
    app.addHook('preHandler', async (request) => {
      if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
      if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
      if (!request.auth) return; // the route itself answers "no session"
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !timingSafeEqual(given, request.auth.session.csrfToken)) {
        throw csrfRejected();
      }
    });
  });
}

function timingSafeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Any live session, complete or still in a sign-in step. */
export function requireSession(request: FastifyRequest): ResolvedSession {
  if (!request.auth) throw noSession();
  return request.auth;
}

/** A fully signed-in actor: password, second factor where required, no pending password change. */
export function requireActor(request: FastifyRequest): Actor {
  const resolved = requireSession(request);
  if (!resolved.complete) throw sessionIncomplete();
  return resolved.actor;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, correlationId: request.id };
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
