// Correcting a meeting wrongly recorded as attended to a no-show, on the day, with the reason: the one
// correction the centre's rules allow, since a no-show is a strike that is never taken back.
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DaySheetRow } from '../../../../modules/booking/schemas.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useCorrectToNoShow } from '../../../server-api/centre-ops.js';
import { DaySheetBookingSummary } from './day-sheet-booking-summary.js';

export function AttendanceCorrectionModal({
  unitId,
  booking,
  onClose,
}: {
  unitId: string;
  booking: DaySheetRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const correct = useCorrectToNoShow(unitId);
  const [form] = Form.useForm<{ reason: string }>();

  const close = () => {
    correct.reset();
    onClose();
  };

  return (
    <Modal
      open={booking !== null}
      title={t('centreOps.correct.title')}
      okText={t('centreOps.correct.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: correct.isPending, 'data-testid': 'correction-confirm' }}
      onOk={() => form.submit()}
      onCancel={close}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      {booking ? <DaySheetBookingSummary booking={booking} /> : null}
      <p>{t('centreOps.correct.warning')}</p>
      <ProblemAlert error={correct.error} />
      <Form
        form={form}
        name="attendance-correction"
        layout="vertical"
        onFinish={({ reason }) => {
          if (!booking) return;
          correct.mutate(
            { bookingId: booking.bookingId, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('centreOps.day.correctedDone'));
                close();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('centreOps.correct.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('centreOps.correct.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
