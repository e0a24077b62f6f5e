// A decision that needs a written reason (rejecting a registration, lifting a suspension).
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';

interface Props {
  open: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export function ReasonModal(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.danger, loading: props.pending }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <ProblemAlert error={props.error} />
      <Form form={form} layout="vertical" onFinish={({ reason }) => props.onSubmit(reason.trim())}>
        <Form.Item
          label={props.label}
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, max: 500, message: props.requiredMessage }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
