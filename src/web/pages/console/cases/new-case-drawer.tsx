// Opening a case: its number, kind and title, and the persons known so far (ID numbers optional, checked
// as they are typed by the server's rules).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CASE_KINDS, PERSON_ROLES, type CaseKind, type PersonRole } from '../../../../modules/cases/kinds.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useCreateCase } from '../../../server-api/cases.js';

interface Values {
  caseNo: string;
  kind: CaseKind;
  title: string;
  persons?: { role: PersonRole; name: string; idNo?: string }[];
}

export function NewCaseDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [form] = Form.useForm<Values>();

  const onFinish = (values: Values) =>
    create.mutate(
      {
        caseNo: values.caseNo.trim(),
        kind: values.kind,
        title: values.title.trim(),
        persons: (values.persons ?? []).map((p) => ({
          role: p.role,
          name: p.name.trim(),
          ...(p.idNo?.trim() ? { idNo: p.idNo.trim() } : {}),
        })),
      },
      {
        onSuccess: (view) => {
          void message.success(t('cases.form.created'));
          form.resetFields();
          onClose();
          void navigate(`/console/cases/${view.id}`);
        },
        onError: (error) => showFieldErrors(form, error, language, ['caseNo', 'kind', 'title']),
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('cases.form.title')}
      size="min(760px, 100vw)"
      destroyOnHidden
    >
      <ProblemAlert error={create.error} />
      <Form
        form={form}
        name="new-case"
        layout="vertical"
        initialValues={{ kind: 'criminal', persons: [] }}
        onFinish={onFinish}
      >
        <Form.Item
          name="caseNo"
          label={t('cases.form.caseNo')}
          extra={t('cases.form.caseNoHelp')}
          rules={[{ required: true, whitespace: true, message: t('cases.form.caseNoRequired') }]}
        >
          <Input maxLength={40} data-testid="case-no" />
        </Form.Item>
        <Form.Item name="kind" label={t('cases.form.kind')}>
          <Select
            options={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
            data-testid="case-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cases.form.name')}
          rules={[{ required: true, whitespace: true, message: t('cases.form.nameRequired') }]}
        >
          <Input maxLength={200} data-testid="case-title" />
        </Form.Item>
        <fieldset className="custos-fieldset">
          <legend>{t('cases.form.persons')}</legend>
          <Form.List name="persons">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="custos-person-row">
                    <Form.Item
                      name={[field.name, 'role']}
                      label={t('cases.form.personRole')}
                      initialValue="suspect"
                    >
                      <Select
                        style={{ width: 200 }}
                        options={PERSON_ROLES.map((r) => ({ value: r, label: t(`cases.personRoles.${r}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('cases.form.personName')}
                      rules={[
                        { required: true, whitespace: true, message: t('cases.form.personNameRequired') },
                      ]}
                    >
                      <Input style={{ width: 160 }} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'idNo']} label={t('cases.form.personIdNo')}>
                      <Input style={{ width: 220 }} maxLength={18} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('cases.form.removePerson', { index: index + 1 })}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'suspect' })}>
                  {t('cases.form.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="case-create"
          style={{ marginTop: 16 }}
        >
          {t('cases.form.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
