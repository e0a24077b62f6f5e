// Serves the built web UI (dist/web) with a fallback to index.html for client-side routes. Unknown /api
// paths get a problem+json 404, never the HTML page.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { msg } from './errors.js';
import { sendProblem } from './error-handler.js';

const API_PREFIXES = ['/api/', '/healthz', '/readyz', '/metrics'];

export async function installWebUi(app: FastifyInstance, webDir: string): Promise<void> {
  const hasUi = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // Hashed asset names never change content, so they may be cached for good.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((p) => request.url.startsWith(p));
    if (!isApi && hasUi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, {
      status: 404,
      code: 'http.not_found',
      message: msg('找不到请求的地址。', 'Nothing is at this address.'),
      correlationId: request.id,
    });
  });
}
