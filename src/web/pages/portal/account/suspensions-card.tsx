// The lawyer's suspensions of online booking: where, until when and why; an appeal while one is in force.
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { useAppeal, type SuspensionView } from '../../../server-api/lawyers.js';

export function inForce(s: SuspensionView, now = Date.now()): boolean {
  return s.liftedAt === null && Date.parse(s.endsAt) > now;
}

export function SuspensionsCard({ suspensions }: { suspensions: SuspensionView[] }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<h2 className="custos-card-title">{t('lawyerAccount.suspensionsTitle')}</h2>}
      data-testid="account-suspensions"
    >
      {suspensions.length === 0 ? (
        <p className="custos-intro">{t('lawyerAccount.noSuspensions')}</p>
      ) : (
        <ul className="custos-account-list">
          {suspensions.map((s) => (
            <li key={s.id}>
              <SuspensionItem suspension={s} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function SuspensionItem({ suspension: s }: { suspension: SuspensionView }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const active = inForce(s);
  const heading = active
    ? t('lawyerAccount.suspendedAt', { centre: localName(s.centre), until: formatBeijingTime(s.endsAt) })
    : t('lawyerAccount.suspendedWas', {
        centre: localName(s.centre),
        from: formatBeijingTime(s.startsAt),
        until: formatBeijingTime(s.endsAt),
      });
  const why = t('lawyerAccount.suspensionWhy', {
    count: s.strikeCount,
    window: s.strikeWindowDays,
    threshold: s.strikeThreshold,
  });
  return (
    <div className="custos-stack">
      <Alert
        type={active ? 'warning' : 'info'}
        showIcon
        title={heading}
        description={
          <>
            <p className="custos-account-line">{why}</p>
            {active ? <p className="custos-account-line">{t('lawyerAccount.walkInStill')}</p> : null}
            {s.liftedAt ? (
              <p className="custos-account-line">
                {t('lawyerAccount.suspensionLifted', {
                  at: formatBeijingTime(s.liftedAt),
                  reason: s.liftReason ?? '',
                })}
              </p>
            ) : !active ? (
              <p className="custos-account-line">{t('lawyerAccount.suspensionEnded')}</p>
            ) : null}
            {s.appeal !== null && s.appealedAt !== null ? (
              <p className="custos-account-line">
                {t('lawyerAccount.yourAppeal', { at: formatBeijingTime(s.appealedAt), text: s.appeal })}
              </p>
            ) : null}
          </>
        }
      />
      {active && s.appeal === null ? <AppealForm suspensionId={s.id} /> : null}
    </div>
  );
}

function AppealForm({ suspensionId }: { suspensionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appeal = useAppeal();
  const [form] = Form.useForm<{ appeal: string }>();
  return (
    <Form
      form={form}
      name={`appeal-${suspensionId}`}
      layout="vertical"
      onFinish={({ appeal: text }) => {
        // Not mutate's onSuccess: the account is fetched again before the mutation settles, and once it
        // shows the appeal this form is gone; React Query drops mutate's callbacks of an unmounted form.
        // A failure is shown by the alert above.
        void appeal.mutateAsync({ suspensionId, appeal: text.trim() }).then(
          () => void message.success(t('lawyerAccount.appealed')),
          () => undefined,
        );
      }}
    >
      <ProblemAlert error={appeal.error} />
      <Form.Item
        label={t('lawyerAccount.appealLabel')}
        name="appeal"
        rules={[
          { required: true, whitespace: true, min: 2, max: 1000, message: t('lawyerAccount.appealRequired') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('lawyerAccount.appealPlaceholder')} />
      </Form.Item>
      <Button htmlType="submit" loading={appeal.isPending}>
        {t('lawyerAccount.appeal')}
      </Button>
    </Form>
  );
}
