// Field errors in both languages. Zod's own locales give the wording for its standard checks; the custom
// messages our schemas set (in English) are translated here, so a schema stays one readable line.
import { z } from 'zod';
import type { FieldError } from './problem.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

/** Chinese for the English messages that schemas in src/modules set explicitly. */
const CUSTOM_ZH: Record<string, string> = {
  'six digits': '应为 6 位数字',
  'lowercase letters, digits, dot, underscore and hyphen only': '只能包含小写字母、数字、点、下划线和连字符',
  'must be a postgres:// URL': '必须是 postgres:// 地址',
};

type Issue = z.core.$ZodIssue;

function standardMessage(map: typeof zh, issue: Issue): string | undefined {
  const out = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof out === 'string') return out;
  return out?.message;
}

export function localiseIssue(issue: Issue, pathPrefix = ''): FieldError {
  const enStandard = standardMessage(en, issue);
  const isCustom = issue.message !== enStandard;
  const english = issue.message;
  const chinese = isCustom ? (CUSTOM_ZH[english] ?? english) : (standardMessage(zh, issue) ?? english);
  const path = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return { path, code: issue.code, message: { 'zh-CN': chinese, en: english } };
}
