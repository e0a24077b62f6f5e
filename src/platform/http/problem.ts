// The one shape every API error leaves in: RFC 9457 problem details with a stable code and a message
// in both languages. Shared by the server and the web UI.
import { z } from 'zod';

export const localisedMessageSchema = z.object({
  'zh-CN': z.string(),
  en: z.string(),
});
export type LocalisedMessage = z.infer<typeof localisedMessageSchema>;

export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: localisedMessageSchema,
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  message: localisedMessageSchema,
  correlationId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** Extra facts a client may branch on, e.g. lockedUntil. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Response schemas for the error statuses a route may answer with, for its OpenAPI entry. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<
    S,
    typeof problemSchema
  >;
}
