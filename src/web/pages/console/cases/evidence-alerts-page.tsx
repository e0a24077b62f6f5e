// Open fixity alerts: a copy of a sealed recording no longer matches the hash recorded when it was written,
// or is missing. Custodians independent of the case acknowledge them with what they did (seed 001 art. 20).
import { App, Button, Card, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { useAcknowledgeAlert, useEvidenceAlerts, type AlertView } from '../../../server-api/recordings.js';
import './cases.css';

export function EvidenceAlertsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useGuardedSession();
  useDocumentTitle(t('evidenceAlerts.title'));
  const alerts = useEvidenceAlerts();
  const acknowledge = useAcknowledgeAlert();
  const [open, setOpen] = useState<AlertView | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const isCustodian = user.roles.includes('custodian');

  const submit = (values: { note: string }) =>
    acknowledge.mutate(
      { alertId: open!.id, note: values.note.trim() },
      {
        onSuccess: () => {
          void message.success(t('evidenceAlerts.acknowledged'));
          setOpen(null);
          form.resetFields();
        },
      },
    );

  return (
    <>
      <h1 className="custos-page-title">{t('evidenceAlerts.title')}</h1>
      <p className="custos-intro">{t('evidenceAlerts.intro')}</p>
      <Card>
        <ProblemAlert error={alerts.error} />
        <Table<AlertView>
          rowKey="id"
          loading={alerts.isPending}
          dataSource={alerts.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="custos-table-empty">{t('evidenceAlerts.empty')}</span> }}
          data-testid="alerts-table"
          columns={[
            {
              key: 'case',
              title: t('evidenceAlerts.case'),
              render: (_, a) => <Link to={`/console/cases/${a.caseId}`}>{t('cases.open')}</Link>,
            },
            {
              key: 'recording',
              title: t('evidenceAlerts.recording'),
              render: (_, a) => <span className="custos-hash">{a.recordingId}</span>,
            },
            {
              key: 'copy',
              title: t('evidenceAlerts.copy'),
              render: (_, a) => t(`recordings.locations.${a.location}`),
            },
            {
              key: 'outcome',
              title: t('evidenceAlerts.outcome'),
              render: (_, a) => (
                <StatusTag tone="bad">{t(`recordings.checkOutcomes.${a.outcome}`)}</StatusTag>
              ),
            },
            {
              key: 'raisedAt',
              title: t('evidenceAlerts.raisedAt'),
              render: (_, a) => formatBeijingTime(a.raisedAt),
            },
            ...(isCustodian
              ? [
                  {
                    key: 'ack',
                    title: '',
                    render: (_: unknown, a: AlertView) => (
                      <Button size="small" onClick={() => setOpen(a)}>
                        {t('evidenceAlerts.acknowledge')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={open !== null}
        title={t('evidenceAlerts.acknowledge')}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={acknowledge.isPending}
        destroyOnHidden
      >
        <ProblemAlert error={acknowledge.error} />
        <Form form={form} layout="vertical" name="acknowledge-alert" onFinish={submit}>
          <Form.Item
            name="note"
            label={t('evidenceAlerts.note')}
            rules={[{ required: true, whitespace: true, message: t('evidenceAlerts.noteRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
