// Create a user: username, name, unit and roles. The server answers with a temporary password,
// shown here once.
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../modules/identity/roles.js';
import { usernameSchema } from '../../../../modules/identity/schemas.js';
import { useCreateUser, type CreatedUser, type CreateUserInput } from '../../../server-api/users.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { useLabels } from '../../../components/labels.js';
import { OneTimeSecret } from '../../../components/one-time-secret.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { UnitTreeSelect } from '../../../components/unit-tree-select.js';
import { zodRule } from '../../../components/zod-rule.js';
import { useLanguage } from '../../../i18n/use-language.js';

const FIELDS = ['username', 'displayName', 'unitId', 'roles'] as const;

export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const [created, setCreated] = useState<CreatedUser | null>(null);

  const close = () => {
    setCreated(null);
    create.reset();
    form.resetFields();
    onClose();
  };

  const onFinish = (values: CreateUserInput) => {
    create.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: (result) => {
          setCreated(result);
          void message.success(t('users.form.created', { username: result.user.username }));
        },
        onError: (error) => showFieldErrors(form, error, language, FIELDS),
      },
    );
  };

  const footer = created ? (
    <Button type="primary" onClick={close}>
      {t('users.temporaryPassword.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={close}>{t('common.cancel')}</Button>
      <Button
        type="primary"
        loading={create.isPending}
        onClick={() => form.submit()}
        data-testid="create-user-submit"
      >
        {t('users.form.submit')}
      </Button>
    </Space>
  );

  return (
    <Drawer
      open={open}
      onClose={close}
      title={created ? t('users.temporaryPassword.title') : t('users.form.title')}
      size="min(480px, 100vw)"
      footer={footer}
      mask={{ closable: !created }}
    >
      {created ? (
        <OneTimeSecret
          secret={created.temporaryPassword}
          forUser={t('users.temporaryPassword.forUser', {
            name: created.user.displayName,
            username: created.user.username,
          })}
        />
      ) : (
        <>
          <ProblemAlert error={create.error} />
          <Form form={form} name="create-user" layout="vertical" requiredMark onFinish={onFinish}>
            <Form.Item
              label={t('users.form.username')}
              name="username"
              extra={t('users.form.usernameHelp')}
              rules={[
                { required: true, message: t('users.form.usernameInvalid') },
                zodRule(usernameSchema, t('users.form.usernameInvalid')),
              ]}
            >
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item
              label={t('users.form.displayName')}
              name="displayName"
              rules={[
                { required: true, whitespace: true, max: 64, message: t('users.form.displayNameRequired') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              label={t('users.form.unit')}
              name="unitId"
              rules={[{ required: true, message: t('users.form.unitRequired') }]}
            >
              <UnitTreeSelect />
            </Form.Item>
            <Form.Item
              label={t('users.form.roles')}
              name="roles"
              rules={[{ required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') }]}
            >
              <Select
                mode="multiple"
                options={ROLES.map((role) => ({ value: role, label: labels.role(role) }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
