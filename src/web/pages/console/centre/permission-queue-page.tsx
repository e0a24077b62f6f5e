// Restricted-case bookings waiting for the investigating organ's permission (CPL 39 ¶3), soonest first:
// staff open the documents (each view is recorded), then confirm the permission decision the lawyer
// uploaded, or refuse with a reason the lawyer reads. A booking whose meeting time passed unconfirmed
// stays on the list, marked as unable to go ahead; it can still be refused to close it.
import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { beijingDateOf, beijingHm, formatLongDate } from '../../../format/beijing-date.js';
import { useLanguage } from '../../../i18n/use-language.js';
import {
  usePermissionDecision,
  usePermissionQueue,
  type PermissionQueueItem,
} from '../../../server-api/documents.js';
import { ReasonModal } from '../lawyer-review/reason-modal.js';
import { BookingDocumentModal, type OpenDocument } from './booking-document-modal.js';
import { CentrePage } from './centre-page.js';
import './permission-queue.css';

export function CentrePermissionQueuePage() {
  const { t } = useTranslation();
  return (
    <CentrePage title={t('permissionQueue.title')} intro={t('permissionQueue.intro')}>
      {(unitId) => <PermissionQueue unitId={unitId} />}
    </CentrePage>
  );
}

function PermissionQueue({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const queue = usePermissionQueue(unitId);
  const decision = usePermissionDecision(unitId);
  const [viewing, setViewing] = useState<OpenDocument | null>(null);
  const [refusing, setRefusing] = useState<PermissionQueueItem | null>(null);

  const confirm = (item: PermissionQueueItem) =>
    decision.mutate(
      { bookingId: item.bookingId, reason: null },
      {
        onSuccess: () => void message.success(t('permissionQueue.confirmed')),
        onError: (error) => void message.error(problemText(error)),
      },
    );

  const refuse = (reason: string) => {
    if (!refusing) return;
    decision.mutate(
      { bookingId: refusing.bookingId, reason },
      {
        onSuccess: () => {
          setRefusing(null);
          void message.success(t('permissionQueue.refused'));
        },
      },
    );
  };

  return (
    <Card>
      <ProblemAlert error={queue.error} />
      <Table<PermissionQueueItem>
        rowKey="bookingId"
        loading={queue.isFetching}
        dataSource={queue.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="custos-table-empty">{t('permissionQueue.empty')}</span> }}
        data-testid="permission-queue"
        columns={[
          {
            key: 'time',
            title: t('permissionQueue.time'),
            render: (_, r) => (
              <>
                {formatLongDate(beijingDateOf(r.startsAt), language)} {beijingHm(r.startsAt)}–
                {beijingHm(r.endsAt)}
                {r.startPassed ? (
                  <div className="custos-permission-passed" data-testid="permission-passed">
                    <StatusTag tone="bad">{t('permissionQueue.passed')}</StatusTag>
                  </div>
                ) : null}
              </>
            ),
          },
          {
            key: 'client',
            title: t('permissionQueue.client'),
            render: (_, r) => (
              <span className="custos-day-client">
                {r.detaineeName}
                <small className="custos-mono">{r.detaineeIdNoMasked}</small>
              </span>
            ),
          },
          {
            key: 'lawyers',
            title: t('permissionQueue.lawyers'),
            render: (_, r) => r.lawyers.map((l) => l.displayName).join('、'),
          },
          {
            key: 'documents',
            title: t('permissionQueue.documents'),
            render: (_, r) => (
              <ul className="custos-permission-documents">
                {r.documents.map((d) => (
                  <li key={d.id}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        setViewing({ bookingId: r.bookingId, detaineeName: r.detaineeName, document: d })
                      }
                      data-testid={`open-${d.kind}`}
                    >
                      {t(`documents.kinds.${d.kind}`)}
                      <span className="custos-visually-hidden"> {d.fileName}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'decision',
            title: t('permissionQueue.decision'),
            render: (_, r) =>
              r.hasPermissionDecision ? (
                <StatusTag tone="good">{t('permissionQueue.hasDecision')}</StatusTag>
              ) : (
                <StatusTag tone="warn">{t('permissionQueue.noDecision')}</StatusTag>
              ),
          },
          {
            key: 'actions',
            title: t('permissionQueue.actions'),
            render: (_, r) => (
              <Space wrap>
                <Popconfirm
                  title={t('permissionQueue.confirmTitle', { name: r.detaineeName })}
                  description={t('permissionQueue.confirmBody')}
                  okText={t('permissionQueue.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => confirm(r)}
                  disabled={!r.hasPermissionDecision || r.startPassed}
                >
                  <Button
                    type="primary"
                    disabled={!r.hasPermissionDecision || r.startPassed || decision.isPending}
                    data-testid="permission-confirm"
                  >
                    {t('permissionQueue.confirm')}
                    <span className="custos-visually-hidden"> {r.detaineeName}</span>
                  </Button>
                </Popconfirm>
                <Button
                  danger
                  disabled={decision.isPending}
                  onClick={() => {
                    decision.reset();
                    setRefusing(r);
                  }}
                  data-testid="permission-refuse"
                >
                  {t('permissionQueue.refuse')}
                  <span className="custos-visually-hidden"> {r.detaineeName}</span>
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <BookingDocumentModal open={viewing} onClose={() => setViewing(null)} />
      <ReasonModal
        open={refusing !== null}
        title={refusing ? t('permissionQueue.refuseTitle', { name: refusing.detaineeName }) : ''}
        label={t('permissionQueue.reason')}
        requiredMessage={t('permissionQueue.reasonRequired')}
        okText={t('permissionQueue.refuse')}
        danger
        pending={decision.isPending}
        error={decision.error}
        onSubmit={refuse}
        onClose={() => setRefusing(null)}
      />
    </Card>
  );
}
