// An antd form rule from a shared zod schema, so the browser checks exactly what the server checks.
import type { FormRule } from 'antd';
import type { z } from 'zod';

export function zodRule(schema: z.ZodType, message: string): FormRule {
  return {
    validator: (_rule, value: unknown) =>
      value === undefined || value === '' || schema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}
