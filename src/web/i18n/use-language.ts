// The current UI language as one of ours (i18next may report e.g. 'zh-CN' or 'en').
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.js';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return [current, (language) => void i18n.changeLanguage(language)];
}

/** A unit's name in the UI language. */
export function useLocalName(): (named: { name: string; nameEn: string }) => string {
  const [language] = useLanguage();
  return (named) => (language === 'en' && named.nameEn ? named.nameEn : named.name);
}
