// The staff console frame: role-based menu on the left, header with the unit, language and user menu.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../../components/brand.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { UserMenu } from '../../components/user-menu.js';
import { useLocalName } from '../../i18n/use-language.js';
import { useGuardedSession } from '../../routing/session-context.js';
import { consoleMenuItems, selectedMenuKey } from './console-menu.js';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useGuardedSession();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);

  return (
    <Layout className="custos-console" hasSider>
      <Layout.Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        trigger={null}
        theme="dark"
        className={narrow ? 'custos-sider-overlay' : undefined}
      >
        <nav aria-label={t('console.menuLabel')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedMenuKey(location.pathname)]}
            items={consoleMenuItems(user.roles, (key) => t(`console.menu.${key}`))}
            onClick={({ key }) => {
              void navigate(key);
              if (narrow) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      {narrow && !collapsed ? (
        // On a narrow screen the menu floats over the page; a tap beside it closes it.
        <div className="custos-sider-backdrop" aria-hidden onClick={() => setCollapsed(true)} />
      ) : null}
      <Layout>
        <Layout.Header className="custos-header">
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('console.openMenu')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed((value) => !value)}
            />
          ) : null}
          <Brand to="/console" subtitle={t('app.consoleTagline')} />
          <span className="custos-header-unit custos-hide-narrow" data-testid="header-unit">
            {localName(user.unit)}
          </span>
          <div className="custos-header-actions">
            <LanguageSwitch />
            <UserMenu displayName={user.displayName} />
          </div>
        </Layout.Header>
        <Layout.Content className="custos-console-main">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
