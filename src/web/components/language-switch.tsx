// The 中文 / English switch shown on the sign-in pages and in every layout header.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/languages.js';
import { useLanguage } from '../i18n/use-language.js';

const OPTIONS: { value: Language; label: React.ReactNode }[] = [
  { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
  { value: 'en', label: <span lang="en">English</span> },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="small"
      options={OPTIONS}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
    />
  );
}
