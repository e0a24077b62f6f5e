// Puts the field errors of a problem (problem.errors) next to their form fields. Errors for fields
// the form does not have are left for the page's general alert.
import type { FormInstance } from 'antd';
import type { FieldError } from '../../platform/http/problem.js';
import { ApiProblem } from '../server-api/problem.js';
import type { Language } from '../i18n/languages.js';

/** "body.username", "/username" and "username" all name the form field "username". */
function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments[0] ?? '';
}

/** Returns the errors it could not place on a field. */
export function showFieldErrors(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  language: Language,
  fields: readonly string[],
): FieldError[] {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return [];
  const unplaced: FieldError[] = [];
  const byField = new Map<string, string[]>();
  for (const fieldError of error.problem.errors) {
    const name = fieldName(fieldError.path);
    if (fields.includes(name)) {
      byField.set(name, [...(byField.get(name) ?? []), fieldError.message[language]]);
    } else {
      unplaced.push(fieldError);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}
