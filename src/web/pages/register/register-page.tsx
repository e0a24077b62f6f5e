// Public lawyer registration, phone first: the form, a check-your-answers step, then the result. Every
// field is checked in the browser with the server's own schema and message; what only the server can know
// (the code, a number already registered) comes back as field errors and is shown beside the field.
import { Button, Descriptions, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newPasswordSchema, usernameSchema } from '../../../modules/identity/schemas.js';
import { idNoSchema } from '../../../modules/lawyers/id-number.js';
import { licenceNoSchema } from '../../../modules/lawyers/licence-number.js';
import { licencePhotoSchema } from '../../../modules/lawyers/licence-photo.js';
import { showFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useLanguage } from '../../i18n/use-language.js';
import { useSession } from '../../server-api/auth.js';
import { useRegister, type RegistrationInput } from '../../server-api/lawyers.js';
import { isApiProblem } from '../../server-api/problem.js';
import { AuthCard } from '../login/auth-layout.js';
import { schemaRule } from './field-rules.js';
import { LicencePhotoInput } from './licence-photo-input.js';
import { MobileCodeFields } from './mobile-code-fields.js';
import './register.css';

type Values = Required<Omit<RegistrationInput, 'locale'>> & { repeat: string };

const FIELDS = [
  'name',
  'licenceNo',
  'idNo',
  'mobile',
  'code',
  'firmName',
  'username',
  'password',
  'licencePhoto',
] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  // Someone already signed in in this browser sends their session's cookie along; the session's CSRF
  // token must then go with it, and reading the session is what makes it known.
  useSession();
  const [step, setStep] = useState<'form' | 'check' | 'done'>('form');
  const [values, setValues] = useState<Values | null>(null);

  const submit = () => {
    if (!values) return;
    const { repeat: _repeat, ...input } = values;
    register.mutate(
      { ...input, username: input.username.trim().toLowerCase(), locale: language },
      {
        onSuccess: () => setStep('done'),
        onError: (error) => {
          // Back to the form, with each field's error beside it.
          setStep('form');
          showFieldErrors(form, error, language, FIELDS);
        },
      },
    );
  };

  if (step === 'done' && values) {
    return (
      <AuthCard title={t('register.doneTitle')}>
        <Result
          status="success"
          title={t('register.doneTitle')}
          subTitle={t('register.doneBody', { username: values.username.trim().toLowerCase() })}
          extra={
            <Link to="/login">
              <Button type="primary" size="large">
                {t('register.toLogin')}
              </Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }

  // The problem goes beside its field when it names one; the alert is for the rest.
  const generalError =
    register.error && !(isApiProblem(register.error) && register.error.problem.errors?.length)
      ? register.error
      : null;

  return (
    <AuthCard title={t('register.title')} intro={t('register.intro')}>
      <ProblemAlert error={generalError} />
      {step === 'check' && values ? (
        <section aria-labelledby="register-check-title">
          <h2 id="register-check-title" className="custos-subheading">
            {t('register.checkTitle')}
          </h2>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('register.name'), children: values.name },
              { key: 'licenceNo', label: t('register.licenceNo'), children: values.licenceNo },
              { key: 'idNo', label: t('register.idNo'), children: values.idNo.toUpperCase() },
              { key: 'firmName', label: t('register.firmName'), children: values.firmName },
              { key: 'mobile', label: t('register.mobile'), children: values.mobile },
              { key: 'username', label: t('register.username'), children: values.username },
            ]}
          />
          <div className="custos-register-actions">
            <Button onClick={() => setStep('form')}>{t('register.back')}</Button>
            <Button
              type="primary"
              size="large"
              loading={register.isPending}
              onClick={submit}
              data-testid="register-submit"
            >
              {t('register.submit')}
            </Button>
          </div>
        </section>
      ) : null}
      {/* Kept mounted while checking, so going back keeps every value and the server's errors land. */}
      <div hidden={step !== 'form'}>
        <Form
          form={form}
          name="register"
          layout="vertical"
          requiredMark
          onFinish={(v) => {
            setValues(v);
            setStep('check');
          }}
          scrollToFirstError
        >
          <fieldset className="custos-register-section">
            <legend>{t('register.sections.mobile')}</legend>
            <MobileCodeFields />
          </fieldset>
          <fieldset className="custos-register-section">
            <legend>{t('register.sections.lawyer')}</legend>
            <Form.Item
              label={t('register.name')}
              name="name"
              rules={[
                { required: true, whitespace: true, min: 2, max: 50, message: t('register.nameRequired') },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item
              label={t('register.licenceNo')}
              name="licenceNo"
              extra={t('register.licenceNoHelp')}
              rules={[
                { required: true, message: t('register.licenceNoRequired') },
                schemaRule(licenceNoSchema, language),
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" maxLength={17} />
            </Form.Item>
            <Form.Item
              label={t('register.idNo')}
              name="idNo"
              rules={[
                { required: true, message: t('register.idNoRequired') },
                schemaRule(idNoSchema, language),
              ]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
            <Form.Item
              label={t('register.firmName')}
              name="firmName"
              extra={t('register.firmNameHelp')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  min: 4,
                  max: 100,
                  message: t('register.firmNameRequired'),
                },
              ]}
            >
              <Input autoComplete="organization" />
            </Form.Item>
          </fieldset>
          <fieldset className="custos-register-section">
            <legend>{t('register.sections.account')}</legend>
            <Form.Item
              label={t('register.username')}
              name="username"
              extra={t('register.usernameHelp')}
              rules={[
                { required: true, message: t('register.usernameRequired') },
                schemaRule(usernameSchema, language),
              ]}
            >
              <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item
              label={t('register.password')}
              name="password"
              extra={t('register.passwordHelp')}
              rules={[
                { required: true, message: t('register.passwordRequired') },
                schemaRule(newPasswordSchema, language),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('register.repeat')}
              name="repeat"
              dependencies={['password']}
              rules={[
                { required: true, message: t('register.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: unknown) =>
                    !value || value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('register.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </fieldset>
          <fieldset className="custos-register-section">
            <legend>{t('register.sections.photo')}</legend>
            <Form.Item
              label={t('register.photo')}
              name="licencePhoto"
              extra={t('register.photoHelp')}
              rules={[
                { required: true, message: t('register.photoRequired') },
                schemaRule(licencePhotoSchema, language),
              ]}
            >
              <LicencePhotoInput />
            </Form.Item>
          </fieldset>
          <Button type="primary" htmlType="submit" block size="large" data-testid="register-next">
            {t('register.next')}
          </Button>
        </Form>
      </div>
      <p className="custos-register-login">
        <Link to="/login">{t('register.haveAccount')}</Link>
      </p>
    </AuthCard>
  );
}
