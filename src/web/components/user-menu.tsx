// The signed-in user's menu in every layout header: change password and sign out.
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../server-api/auth.js';
import { useProblemText } from './use-problem-text.js';

export function UserMenu({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('userMenu.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') {
      void navigate('/password');
      return;
    }
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => void message.error(problemText(error)),
    });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        icon={<UserOutlined />}
        data-testid="user-menu"
        aria-label={t('userMenu.label', { name: displayName })}
        loading={logout.isPending}
      >
        <span className="custos-hide-narrow">{displayName}</span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
