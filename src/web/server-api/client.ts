// The fetch wrapper every API call goes through: JSON in and out, same-origin cookies, the CSRF
// header on anything that changes state, and problem+json turned into a typed ApiProblem.
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../platform/http/problem.js';
import { ApiProblem, networkProblem, unexpectedResponseProblem } from './problem.js';
import { currentCsrfToken, storeSession } from './session-cache.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export const NO_SESSION = 'auth.no_session';

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes(PROBLEM_CONTENT_TYPE) || type.includes('application/json')) {
    const parsed = problemSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return new ApiProblem(parsed.data);
  }
  return unexpectedResponseProblem(response.status);
}

/** Sends a request and returns the parsed JSON body (undefined for 204). Rejects with ApiProblem. */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: `application/json, ${PROBLEM_CONTENT_TYPE}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = currentCsrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkProblem();
  }

  if (!response.ok) {
    const problem = await toProblem(response);
    if (problem.status === 401 && problem.code === NO_SESSION) storeSession(null);
    throw problem;
  }
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Like request, but checks the body against a shared schema, so a drifted API fails loudly here. */
export async function requestParsed<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const body = await request(path, options);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpectedResponseProblem(200);
  return parsed.data;
}

/** For responses without a shared schema yet: the type is the API contract the server promises. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request(path, options)) as T;
}
