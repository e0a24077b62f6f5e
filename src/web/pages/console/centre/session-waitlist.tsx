// On the day sheet, beside each session's places: how many lawyers wait for it, and its queue on demand
// (who, in what order, and whose place is being held).
import { Button, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { beijingHm } from '../../../format/beijing-date.js';
import { useQueueLengths, useSessionQueue, type QueueEntryView } from '../../../server-api/waitlist.js';

export function SessionWaitlist({
  unitId,
  date,
  sessionId,
  time,
}: {
  unitId: string;
  date: string;
  sessionId: string;
  /** The session's span, e.g. "09:00–11:00", to name it in the dialog. */
  time: string;
}) {
  const { t } = useTranslation();
  // One request for the whole day, shared by every session's summary.
  const lengths = useQueueLengths(unitId, date);
  const [open, setOpen] = useState(false);
  const counts = lengths.data?.sessions.find((s) => s.sessionId === sessionId);
  if (!counts) return null;
  return (
    <>
      {' · '}
      <span data-testid="waitlist-length">
        {counts.offered > 0
          ? t('waitlistStaff.summaryOffered', { waiting: counts.waiting, offered: counts.offered })
          : t('waitlistStaff.summary', { waiting: counts.waiting })}
      </span>{' '}
      <Button
        type="link"
        size="small"
        onClick={() => setOpen(true)}
        aria-label={t('waitlistStaff.showFor', { time })}
        data-testid="waitlist-show"
      >
        {t('waitlistStaff.show')}
      </Button>
      {open ? (
        <QueueDialog unitId={unitId} sessionId={sessionId} time={time} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function QueueDialog({
  unitId,
  sessionId,
  time,
  onClose,
}: {
  unitId: string;
  sessionId: string;
  time: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queue = useSessionQueue(unitId, sessionId);
  return (
    <Modal open title={t('waitlistStaff.title', { time })} onCancel={onClose} footer={null} width={720}>
      <Table<QueueEntryView>
        rowKey="id"
        loading={queue.isFetching}
        dataSource={queue.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="custos-table-empty">{t('waitlistStaff.empty')}</span> }}
        data-testid="waitlist-queue"
        columns={[
          {
            key: 'position',
            title: t('waitlistStaff.columns.position'),
            render: (_, e) => e.position ?? '—',
          },
          {
            key: 'lawyer',
            title: t('waitlistStaff.columns.lawyer'),
            render: (_, e) =>
              t('waitlistStaff.lawyerName', { name: e.lawyer.displayName, username: e.lawyer.username }),
          },
          {
            key: 'duration',
            title: t('waitlistStaff.columns.duration'),
            render: (_, e) => t('waitlist.mine.duration', { count: e.durationMinutes }),
          },
          {
            key: 'joinedAt',
            title: t('waitlistStaff.columns.joinedAt'),
            render: (_, e) => formatBeijingTime(e.joinedAt),
          },
          {
            key: 'status',
            title: t('waitlistStaff.columns.status'),
            render: (_, e) =>
              e.status === 'offered' ? (
                <StatusTag tone="warn">
                  {e.offerExpiresAt
                    ? t('waitlistStaff.offeredUntil', { time: beijingHm(e.offerExpiresAt) })
                    : t('waitlist.status.offered')}
                </StatusTag>
              ) : (
                <StatusTag tone="info">{t('waitlistStaff.waiting')}</StatusTag>
              ),
          },
        ]}
      />
    </Modal>
  );
}
