// A temporary password shown once, with a copy button; the admin hands it over out of band.
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function OneTimeSecret({ secret, forUser }: { secret: string; forUser: string }) {
  const { t } = useTranslation();
  return (
    <div className="custos-one-time-secret">
      <Alert type="warning" showIcon title={t('users.temporaryPassword.once')} />
      <p>{forUser}</p>
      <Typography.Text
        code
        className="custos-secret"
        data-testid="temporary-password"
        copyable={{
          text: secret,
          icon: [
            <span key="copy" className="custos-copy-label">
              <CopyOutlined /> {t('common.copy')}
            </span>,
            <span key="copied" className="custos-copy-label">
              <CheckOutlined /> {t('common.copied')}
            </span>,
          ],
          tooltips: false,
        }}
      >
        {secret}
      </Typography.Text>
    </div>
  );
}
