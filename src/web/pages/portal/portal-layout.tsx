// The lawyer portal frame: phone first, one column, header with the name, language and user menu.
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from '../../components/brand.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { UserMenu } from '../../components/user-menu.js';
import { useGuardedSession } from '../../routing/session-context.js';
import { PortalNav } from './booking/portal-nav.js';

export function PortalLayout() {
  const { t } = useTranslation();
  const session = useGuardedSession();
  return (
    <Layout className="custos-portal">
      <Layout.Header className="custos-header">
        <Brand to="/portal" subtitle={t('app.portalTagline')} />
        <div className="custos-header-actions">
          <LanguageSwitch />
          <UserMenu displayName={session.user.displayName} />
        </div>
      </Layout.Header>
      <Layout.Content className="custos-portal-main">
        <PortalNav />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
