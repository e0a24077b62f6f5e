// Builds the Fastify app: validation with zod, OpenAPI, problem+json errors, health, metrics, security
// headers and the web UI. Modules add their routes through the plugins they are given.
import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { installErrorHandler } from './error-handler.js';
import { installMetrics } from './metrics.js';
import { installSecurityHeaders } from './security-headers.js';
import { installWebUi } from './web-ui.js';

export interface HttpAppOptions {
  logger: FastifyBaseLogger;
  metrics: Registry;
  webDir: string;
  secureCookies: boolean;
  /** Readiness: the database answers and every migration is applied. */
  isReady: () => Promise<{ ready: boolean; checks: Record<string, boolean> }>;
  /** Plugins that add hooks (authentication) before any route. */
  hooks: FastifyPluginAsync[];
  /** Plugins that add routes, registered under /api. */
  routes: FastifyPluginAsync[];
  version: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  // The instance is typed for zod schemas from here on.
  const app = Fastify({
    loggerInstance: options.logger,
    // Accept a caller's request id if it looks like one, so a trace can cross services; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installSecurityHeaders(app, { hstsEnabled: options.secureCookies });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Custos API',
        description: 'Lawyer access and recording-as-evidence. Errors are application/problem+json.',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'custos_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installMetrics(app, options.metrics);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      const { ready, checks } = await options.isReady();
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const hook of options.hooks) await app.register(hook);
  for (const routes of options.routes) await app.register(routes, { prefix: '/api' });

  await installWebUi(app, options.webDir);
  return app;
}

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.boolean()),
});
