// An API error as an antd Alert, in the current language, with any extra detail below it.
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useProblemText } from './use-problem-text.js';

export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const text = useProblemText();
  if (!error) return null;
  return (
    <Alert type="error" showIcon title={text(error)} description={children} className="custos-problem" />
  );
}
