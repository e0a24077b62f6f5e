// Second factor on each sign-in: the current code from the authenticator app.
import { useTranslation } from 'react-i18next';
import { useVerifyTotp } from '../../server-api/auth.js';
import { AuthCard } from './auth-layout.js';
import { SwitchAccount } from './switch-account.js';
import { TotpCodeForm } from './totp-code-form.js';

export function TotpVerifyPage() {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  return (
    <AuthCard title={t('totp.title')} intro={t('totp.intro')}>
      <TotpCodeForm submitLabel={t('totp.submit')} mutation={verify} />
      <SwitchAccount />
    </AuthCard>
  );
}
