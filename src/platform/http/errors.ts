// The small set of errors services throw. Each carries a stable code that clients branch on and a message
// in both languages; the HTTP layer turns them into problem+json. Anything else thrown is a bug and leaves
// as a plain 500.
import type { FieldError, LocalisedMessage } from './problem.js';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: LocalisedMessage,
    readonly data?: Record<string, unknown>,
    readonly fieldErrors?: FieldError[],
  ) {
    super(`${code}: ${messages.en}`);
    this.name = 'AppError';
  }
}

type Factory = (code: string, message: LocalisedMessage, data?: Record<string, unknown>) => AppError;
const factory =
  (status: number): Factory =>
  (code, message, data) =>
    new AppError(status, code, message, data);

export const badRequest = factory(400);
export const unauthorized = factory(401);
export const forbidden = factory(403);
export const notFound = factory(404);
export const conflict = factory(409);
export const locked = factory(423);
export const tooManyRequests = factory(429);

export function validationFailed(fieldErrors: FieldError[]): AppError {
  return new AppError(
    400,
    'http.validation',
    {
      'zh-CN': '提交的内容有误，请检查标出的字段。',
      en: 'Some of what was sent is invalid; see the marked fields.',
    },
    undefined,
    fieldErrors,
  );
}

/** Shorthand for a message in both languages. */
export const msg = (zh: string, en: string): LocalisedMessage => ({ 'zh-CN': zh, en });
