// Dates the centre closes for bookings beyond the public holidays (works, an emergency).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { beijingToday, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { useCloseDate, useClosedDates, type ClosedDateView } from '../../../server-api/booking.js';
import { CentrePage } from './centre-page.js';

export function CentreClosedDatesPage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('centre.closedDates.title')} intro={t('centre.closedDates.intro')}>
      {(unitId) => <ClosedDates unitId={unitId} />}
    </CentrePage>
  );
}

function ClosedDates({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const closed = useClosedDates(unitId);
  const add = useCloseDate(unitId);
  const [form] = Form.useForm<ClosedDateView>();

  const onFinish = (values: ClosedDateView) =>
    add.mutate(
      { date: values.date, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('centre.closedDates.added'));
          form.resetFields();
        },
        onError: (error) => showFieldErrors(form, error, language, ['date', 'reason']),
      },
    );

  return (
    <div className="custos-stack">
      <Card title={<h2 className="custos-card-title">{t('centre.closedDates.add')}</h2>}>
        <ProblemAlert error={add.error} />
        <Form form={form} name="close-date" layout="vertical" className="custos-toolbar" onFinish={onFinish}>
          <Form.Item
            name="date"
            label={t('centre.closedDates.date')}
            rules={[{ required: true, message: t('centre.closedDates.dateRequired') }]}
          >
            <Input type="date" min={beijingToday()} style={{ width: 180 }} data-testid="closed-date" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('centre.closedDates.reason')}
            rules={[
              { required: true, whitespace: true, max: 200, message: t('centre.closedDates.reasonRequired') },
            ]}
          >
            <Input style={{ width: 280 }} data-testid="closed-reason" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="closed-add"
          >
            {t('centre.closedDates.add')}
          </Button>
        </Form>
      </Card>
      <Card>
        <ProblemAlert error={closed.error} />
        <Table<ClosedDateView>
          rowKey="date"
          loading={closed.isPending}
          dataSource={closed.data ?? []}
          pagination={false}
          locale={{ emptyText: <span className="custos-table-empty">{t('centre.closedDates.empty')}</span> }}
          columns={[
            {
              key: 'date',
              title: t('centre.closedDates.date'),
              render: (_, c) => formatLongDate(c.date, language),
            },
            { key: 'reason', title: t('centre.closedDates.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
    </div>
  );
}
