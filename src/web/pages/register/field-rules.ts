// Form rules from the server's own schemas, with the server's own messages in the page's language: the
// browser refuses exactly what the API would, in the same words, before anything is sent.
import type { FormRule } from 'antd';
import type { z } from 'zod';
import { localiseIssue } from '../../../platform/http/validation-messages.js';
import type { Language } from '../../i18n/languages.js';

export function schemaRule(schema: z.ZodType, language: Language): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      if (value === undefined || value === '') return Promise.resolve();
      const result = schema.safeParse(value);
      if (result.success) return Promise.resolve();
      const issue = result.error.issues[0]!;
      return Promise.reject(new Error(localiseIssue(issue).message[language]));
    },
  };
}
