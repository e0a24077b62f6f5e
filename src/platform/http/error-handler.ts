// Every error leaves as application/problem+json. Known errors keep their code and bilingual message;
// validation errors list each field; anything unexpected is a 500 that shows only a correlation id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, msg } from './errors.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';
import { localiseIssue } from './validation-messages.js';

export function sendProblem(
  reply: FastifyReply,
  problem: Omit<Problem, 'type' | 'title'> & { title?: string },
) {
  const body: Problem = {
    type: `https://custos.invalid/problems/${problem.code}`,
    title: problem.title ?? problem.message.en,
    ...problem,
  };
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function fromAppError(error: AppError, request: FastifyRequest): Problem {
  return {
    type: `https://custos.invalid/problems/${error.code}`,
    title: error.messages.en,
    status: error.status,
    code: error.code,
    message: error.messages,
    correlationId: request.id,
    ...(error.data ? { data: error.data } : {}),
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
  };
}

/** Fastify's own client errors (bad JSON, wrong media type, body too large) keep their status. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: ReturnType<typeof msg> }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'http.unsupported_media_type',
    message: msg('不支持的内容类型。', 'Unsupported content type.'),
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'http.body_too_large',
    message: msg('请求内容过大。', 'The request body is too large.'),
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'http.empty_body',
    message: msg('请求内容为空。', 'The request body is empty.'),
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'http.invalid_json',
    message: msg('请求内容不是有效的 JSON。', 'The request body is not valid JSON.'),
  },
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'server error');
      return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(fromAppError(error, request));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fieldErrors = error.validation.map((v) => {
        const { keyword, instancePath, message, params } = v;
        const issue = {
          ...(params as object),
          code: keyword,
          path: instancePath.split('/').filter(Boolean),
          message,
        } as unknown as z.core.$ZodIssue;
        return localiseIssue(issue, where === 'body' ? '' : where);
      });
      return sendProblem(reply, {
        status: 400,
        code: 'http.validation',
        message: msg(
          '提交的内容有误，请检查标出的字段。',
          'Some of what was sent is invalid; see the marked fields.',
        ),
        errors: fieldErrors,
        correlationId: request.id,
      });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known && error.statusCode && error.statusCode < 500) {
      return sendProblem(reply, {
        status: error.statusCode,
        code: known.code,
        message: known.message,
        correlationId: request.id,
      });
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, {
        status: 429,
        code: 'http.rate_limited',
        message: msg('请求过于频繁，请稍后再试。', 'Too many requests; wait a moment and try again.'),
        correlationId: request.id,
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, {
        status: error.statusCode,
        code: 'http.bad_request',
        message: msg('请求无效。', 'The request is invalid.'),
        correlationId: request.id,
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, {
      status: 500,
      code: 'http.internal',
      message: msg(
        `服务器内部错误，请将编号 ${request.id} 告知管理员。`,
        `Internal error; give the administrator the reference ${request.id}.`,
      ),
      correlationId: request.id,
    });
  });
}
