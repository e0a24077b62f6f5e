// Step 1 of signing in: username and password. What comes next depends on the session it returns.
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoginRequest } from '../../../modules/identity/schemas.js';
import { useLogin } from '../../server-api/auth.js';
import { showFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useLanguage } from '../../i18n/use-language.js';
import { useContinueSignIn } from '../../routing/use-continue-sign-in.js';
import { AuthCard } from './auth-layout.js';
import { LockedUntil } from './locked-until.js';

export function LoginPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [form] = Form.useForm<LoginRequest>();
  const login = useLogin();
  const continueSignIn = useContinueSignIn();

  const onFinish = (values: LoginRequest) => {
    login.mutate(values, {
      onSuccess: continueSignIn,
      onError: (error) => {
        form.setFieldValue('password', '');
        showFieldErrors(form, error, language, ['username', 'password']);
      },
    });
  };

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      <ProblemAlert error={login.error}>
        <LockedUntil error={login.error} />
      </ProblemAlert>
      <Form form={form} name="login" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
      <p className="custos-switch-account" style={{ textAlign: 'center' }}>
        <Link to="/register" data-testid="login-register">
          {t('register.loginLink')}
        </Link>
      </p>
    </AuthCard>
  );
}
