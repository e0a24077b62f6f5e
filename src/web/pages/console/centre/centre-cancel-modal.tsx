// Cancelling a booking for the centre: a reason from the list (release, transfer, emergency, another) and
// the staff member's words, which the lawyer reads; words are required where a code alone says nothing.
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CENTRE_CANCEL_REASONS,
  REASONS_NEEDING_WORDS,
  type CentreCancelReasonCode,
} from '../../../../modules/booking/centre-cancel-reason.js';
import type { DaySheetRow } from '../../../../modules/booking/schemas.js';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useCentreCancel } from '../../../server-api/centre-ops.js';
import { DaySheetBookingSummary } from './day-sheet-booking-summary.js';

interface CancelForm {
  reasonCode: CentreCancelReasonCode;
  reason?: string;
}

export function CentreCancelModal({
  unitId,
  booking,
  onClose,
}: {
  unitId: string;
  booking: DaySheetRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const cancel = useCentreCancel(unitId);
  const [form] = Form.useForm<CancelForm>();
  const reasonCode = Form.useWatch('reasonCode', form);
  const wordsNeeded = reasonCode !== undefined && REASONS_NEEDING_WORDS.includes(reasonCode);

  const close = () => {
    cancel.reset();
    onClose();
  };

  const onFinish = (values: CancelForm) => {
    if (!booking) return;
    const reason = values.reason?.trim();
    cancel.mutate(
      { bookingId: booking.bookingId, reasonCode: values.reasonCode, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          void message.success(t('centreOps.day.cancelledDone'));
          close();
        },
        onError: (error) => showFieldErrors(form, error, language, ['reasonCode', 'reason']),
      },
    );
  };

  return (
    <Modal
      open={booking !== null}
      title={t('centreOps.cancel.title')}
      okText={t('centreOps.cancel.confirm')}
      cancelText={t('centreOps.cancel.keep')}
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'centre-cancel-confirm' }}
      onOk={() => form.submit()}
      onCancel={close}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      {booking ? <DaySheetBookingSummary booking={booking} /> : null}
      <p>{t('centreOps.cancel.intro')}</p>
      <ProblemAlert error={cancel.error} />
      <Form form={form} name="centre-cancel" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reasonCode"
          label={t('centreOps.cancel.reasonCode')}
          rules={[{ required: true, message: t('centreOps.cancel.reasonCodeRequired') }]}
        >
          <Radio.Group data-testid="centre-cancel-reason-code">
            {CENTRE_CANCEL_REASONS.map((code) => (
              <Radio key={code} value={code}>
                {t(`centreOps.reasons.${code}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('centreOps.cancel.reason')}
          extra={t('centreOps.cancel.reasonHelp')}
          dependencies={['reasonCode']}
          rules={[
            {
              required: wordsNeeded,
              whitespace: true,
              min: wordsNeeded ? 2 : 0,
              max: 200,
              message: t('centreOps.cancel.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="centre-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
