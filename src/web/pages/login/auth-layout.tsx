// The frame of the sign-in steps and the password page: brand, language switch, one centred card.
import { Card, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from '../../components/brand.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

export function AuthLayout() {
  const { t } = useTranslation();
  return (
    <Layout>
      <Layout.Header className="custos-header">
        <Brand to="/" subtitle={t('app.tagline')} />
        <div className="custos-header-actions">
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content className="custos-auth-main">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Card className="custos-auth-card">
      <h1>{title}</h1>
      {intro ? <p className="custos-intro">{intro}</p> : null}
      {children}
    </Card>
  );
}
