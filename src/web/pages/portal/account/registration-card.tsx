// Where the lawyer's registration stands; after a rejection, the reason and a form to correct and resubmit.
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idNoSchema } from '../../../../modules/lawyers/id-number.js';
import { licenceNoSchema } from '../../../../modules/lawyers/licence-number.js';
import { licencePhotoSchema } from '../../../../modules/lawyers/licence-photo.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  useResubmit,
  type LawyerAccountView,
  type LawyerStatus,
  type ResubmissionInput,
} from '../../../server-api/lawyers.js';
import { schemaRule } from '../../register/field-rules.js';
import { LicencePhotoInput } from '../../register/licence-photo-input.js';

const TONE: Record<LawyerStatus, Tone> = { pending: 'warn', approved: 'good', rejected: 'bad' };
const FIELDS = ['name', 'licenceNo', 'idNo', 'firmName', 'licencePhoto'] as const;

export function RegistrationCard({ account }: { account: LawyerAccountView }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const status = account.status;

  return (
    <Card
      title={<h2 className="custos-card-title">{t('lawyerAccount.statusTitle')}</h2>}
      extra={<StatusTag tone={TONE[status]}>{t(`lawyerAccount.status.${status}`)}</StatusTag>}
      data-testid="account-registration"
    >
      {!account.registered ? (
        <p className="custos-intro">{t('lawyerAccount.notRegistered')}</p>
      ) : (
        <div className="custos-stack">
          {status === 'pending' ? (
            <Alert type="info" showIcon title={t('lawyerAccount.pendingBody')} />
          ) : null}
          {status === 'approved' ? (
            <Alert type="success" showIcon title={t('lawyerAccount.approvedBody')} />
          ) : null}
          {status === 'rejected' ? (
            <Alert
              type="error"
              showIcon
              title={t('lawyerAccount.rejectedTitle')}
              description={<span data-testid="account-rejection-reason">{account.rejectionReason}</span>}
            />
          ) : null}
          {account.profile ? (
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('lawyerAccount.name'), children: account.profile.name },
                {
                  key: 'licenceNo',
                  label: t('lawyerAccount.licenceNo'),
                  children: account.profile.licenceNo,
                },
                { key: 'idNo', label: t('lawyerAccount.idNo'), children: account.profile.idNoMasked },
                { key: 'mobile', label: t('lawyerAccount.mobile'), children: account.profile.mobileMasked },
                { key: 'firm', label: t('lawyerAccount.firm'), children: account.profile.firmName },
                ...(account.submittedAt
                  ? [
                      {
                        key: 'submitted',
                        label: t('lawyerAccount.submittedAt'),
                        children: formatBeijingTime(account.submittedAt),
                      },
                    ]
                  : []),
                ...(account.reviewedAt
                  ? [
                      {
                        key: 'reviewed',
                        label: t('lawyerAccount.reviewedAt'),
                        children: formatBeijingTime(account.reviewedAt),
                      },
                    ]
                  : []),
              ]}
            />
          ) : null}
          {status === 'rejected' && !correcting ? (
            <Button type="primary" onClick={() => setCorrecting(true)} data-testid="account-correct">
              {t('lawyerAccount.correct')}
            </Button>
          ) : null}
          {status === 'rejected' && correcting && account.profile ? (
            <ResubmitForm profile={account.profile} onDone={() => setCorrecting(false)} />
          ) : null}
        </div>
      )}
    </Card>
  );
}

function ResubmitForm({
  profile,
  onDone,
}: {
  profile: NonNullable<LawyerAccountView['profile']>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResubmissionInput>();
  const resubmit = useResubmit();

  // Not mutate's callbacks: the account is fetched again before the mutation settles, and once it shows
  // the registration pending this form is gone; React Query drops mutate's callbacks of an unmounted form.
  const onFinish = (values: ResubmissionInput) =>
    void resubmit.mutateAsync(values).then(
      () => {
        void message.success(t('lawyerAccount.resubmitted'));
        onDone();
      },
      (error: unknown) => showFieldErrors(form, error, language, FIELDS),
    );

  return (
    <section aria-labelledby="resubmit-title">
      <h3 id="resubmit-title" className="custos-subheading">
        {t('lawyerAccount.resubmitTitle')}
      </h3>
      <p className="custos-intro">{t('lawyerAccount.resubmitHelp')}</p>
      <ProblemAlert error={resubmit.error} />
      <Form
        form={form}
        name="resubmit"
        layout="vertical"
        requiredMark
        initialValues={{ name: profile.name, licenceNo: profile.licenceNo, firmName: profile.firmName }}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('register.name')}
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, max: 50, message: t('register.nameRequired') }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          label={t('register.licenceNo')}
          name="licenceNo"
          rules={[
            { required: true, message: t('register.licenceNoRequired') },
            schemaRule(licenceNoSchema, language),
          ]}
        >
          <Input inputMode="numeric" maxLength={17} />
        </Form.Item>
        <Form.Item
          label={t('register.idNo')}
          name="idNo"
          rules={[{ required: true, message: t('register.idNoRequired') }, schemaRule(idNoSchema, language)]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('register.firmName')}
          name="firmName"
          rules={[
            { required: true, whitespace: true, min: 4, max: 100, message: t('register.firmNameRequired') },
          ]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          label={t('register.photo')}
          name="licencePhoto"
          extra={t('register.photoHelp')}
          rules={[schemaRule(licencePhotoSchema, language)]}
        >
          <LicencePhotoInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={resubmit.isPending} data-testid="resubmit">
          {t('lawyerAccount.resubmit')}
        </Button>
      </Form>
    </section>
  );
}
