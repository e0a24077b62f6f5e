// Second factor, first time: scan the QR code (or type the key) into an authenticator app, then
// prove it works with one code.
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConfirmTotpEnrolment, useTotpEnrolment } from '../../server-api/auth.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useGuardedSession } from '../../routing/session-context.js';
import { AuthCard } from './auth-layout.js';
import { SwitchAccount } from './switch-account.js';
import { TotpCodeForm } from './totp-code-form.js';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export function TotpEnrolPage() {
  const { t } = useTranslation();
  const session = useGuardedSession();
  const enrolment = useTotpEnrolment(session.user.id);
  const confirm = useConfirmTotpEnrolment();

  return (
    <AuthCard title={t('enrol.title')} intro={t('enrol.intro')}>
      <ol className="custos-steps">
        <li>
          <p>{t('enrol.scan')}</p>
          {enrolment.isPending ? <Skeleton.Image active className="custos-qr" /> : null}
          {enrolment.isError ? (
            <ProblemAlert error={enrolment.error}>
              <Button size="small" onClick={() => void enrolment.refetch()}>
                {t('common.retry')}
              </Button>
            </ProblemAlert>
          ) : null}
          {enrolment.data ? (
            <>
              <img
                className="custos-qr"
                src={enrolment.data.qrDataUrl}
                alt={t('enrol.qrAlt')}
                width={200}
                height={200}
              />
              <p>{t('enrol.manual')}</p>
              <code className="custos-secret custos-secret-box" data-testid="totp-secret">
                {groupInFours(enrolment.data.secret)}
              </code>
              <Button
                type="link"
                size="small"
                onClick={() => void enrolment.refetch()}
                loading={enrolment.isFetching}
              >
                {t('enrol.regenerate')}
              </Button>
            </>
          ) : null}
        </li>
        <li>
          <p>{t('enrol.confirmStep')}</p>
          <TotpCodeForm submitLabel={t('enrol.submit')} mutation={confirm} />
        </li>
      </ol>
      <SwitchAccount />
    </AuthCard>
  );
}
