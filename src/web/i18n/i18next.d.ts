// Type-checks translation keys against the Chinese resource.
import 'i18next';
import type { Resources } from './zh-CN.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}
