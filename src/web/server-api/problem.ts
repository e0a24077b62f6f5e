// The error every API call rejects with: the server's problem+json, or one we make up when the
// answer never came or was not a problem document, so pages always have a message in both languages.
import type { Problem } from '../../platform/http/problem.js';

export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.title}`);
    this.name = 'ApiProblem';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.problem.code === code);
}

export function networkProblem(): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'http.network',
    message: {
      'zh-CN': '无法连接服务器，请检查网络后重试。',
      en: 'The server could not be reached. Check the connection and try again.',
    },
  });
}

export function unexpectedResponseProblem(status: number): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'Unexpected response',
    status,
    code: 'http.unexpected_response',
    message: {
      'zh-CN': `服务器返回了无法识别的响应（${status}），请稍后重试。`,
      en: `The server sent a response that could not be read (${status}). Please try again later.`,
    },
  });
}
