// Turns whatever a request rejected with into the sentence to show in the current language.
import type { Problem } from '../../platform/http/problem.js';
import { ApiProblem, unexpectedResponseProblem } from '../server-api/problem.js';
import { useLanguage } from '../i18n/use-language.js';

export function toProblem(error: unknown): Problem {
  return error instanceof ApiProblem ? error.problem : unexpectedResponseProblem(0).problem;
}

export function useProblemText(): (error: unknown) => string {
  const [language] = useLanguage();
  return (error) => toProblem(error).message[language];
}
