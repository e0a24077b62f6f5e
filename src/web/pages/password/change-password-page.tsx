// Change password: forced while the session still runs on an admin-issued temporary password,
// otherwise by choice from the user menu. The new password is checked with the server's own schema.
import { Alert, App, Button, Form, Input, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newPasswordSchema } from '../../../modules/identity/schemas.js';
import { useChangePassword, type ChangePasswordInput } from '../../server-api/auth.js';
import { isApiProblem } from '../../server-api/problem.js';
import { showFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useProblemText } from '../../components/use-problem-text.js';
import { useLanguage } from '../../i18n/use-language.js';
import { useGuardedSession } from '../../routing/session-context.js';
import { nextPath } from '../../routing/session-step.js';
import { AuthCard } from '../login/auth-layout.js';
import { SwitchAccount } from '../login/switch-account.js';

interface Values extends ChangePasswordInput {
  repeat: string;
}

const INVALID_CREDENTIALS = 'auth.invalid_credentials';
const MAX_PASSWORD = 256;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const session = useGuardedSession();
  const forced = session.passwordChangeRequired;
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const newPasswordRule: FormRule = {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value === '' || newPasswordSchema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(
            new Error(t(value.length > MAX_PASSWORD ? 'password.newTooLong' : 'password.newTooShort')),
          ),
  };

  const repeatRule: FormRule = ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) =>
      !value || value === getFieldValue('newPassword')
        ? Promise.resolve()
        : Promise.reject(new Error(t('password.mismatch'))),
  });

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (next) => {
          void message.success(t('password.changed'));
          void navigate(nextPath(next), { replace: true });
        },
        onError: (error) => {
          if (isApiProblem(error, INVALID_CREDENTIALS)) {
            form.setFields([{ name: 'currentPassword', value: '', errors: [problemText(error)] }]);
          } else {
            showFieldErrors(form, error, language, ['currentPassword', 'newPassword']);
          }
        },
      },
    );
  };

  const showAlert = change.isError && !isApiProblem(change.error, INVALID_CREDENTIALS);
  return (
    <AuthCard title={t('password.title')}>
      {forced ? (
        <Alert type="warning" showIcon title={t('password.forcedIntro')} className="custos-problem" />
      ) : (
        <p className="custos-intro">{t('password.intro')}</p>
      )}
      {showAlert ? <ProblemAlert error={change.error} /> : null}
      <Form form={form} name="password" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.user.username}
          readOnly
          hidden
        />
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={t('password.newHelp')}
          rules={[{ required: true, message: t('password.newTooShort') }, newPasswordRule]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          label={t('password.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          rules={[{ required: true, message: t('password.mismatch') }, repeatRule]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-repeat" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={change.isPending}
          data-testid="password-submit"
        >
          {t('password.submit')}
        </Button>
      </Form>
      {forced ? (
        <SwitchAccount />
      ) : (
        <Button
          type="link"
          block
          className="custos-switch-account"
          onClick={() => void navigate(nextPath(session))}
        >
          {t('password.back')}
        </Button>
      )}
    </AuthCard>
  );
}
