// antd's ConfigProvider with the locale of the current language and the Custos theme.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';
import { useLanguage } from './use-language.js';

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    // No space inserted between two Chinese characters on buttons: "登录", not "登 录", so the accessible
    // name matches the text people and tests look for.
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
