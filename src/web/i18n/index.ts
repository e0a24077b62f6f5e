// i18next set-up. The language drives <html lang>, antd's locale (see locale-provider.tsx) and
// which half of a problem's bilingual message is shown.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.js';
import { DEFAULT_LANGUAGE, LANGUAGES, rememberLanguage, storedLanguage, isLanguage } from './languages.js';
import zhCN from './zh-CN.js';

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  if (isLanguage(language)) rememberLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export default i18n;
