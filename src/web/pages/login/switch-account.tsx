// A way out of a half-finished sign-in: sign out and start again with another account.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../server-api/auth.js';

export function SwitchAccount() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      type="link"
      block
      className="custos-switch-account"
      loading={logout.isPending}
      onClick={() =>
        logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
      }
    >
      {t('totp.switchAccount')}
    </Button>
  );
}
