// Registrations by status: pending ones oldest first with the licence photo, approve, or reject with a reason.
import { App, Button, Popconfirm, Segmented, Space, Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useLocalName } from '../../../i18n/use-language.js';
import {
  useDecision,
  useReviewQueue,
  type LawyerStatus,
  type ReviewItem,
} from '../../../server-api/lawyers.js';
import { PhotoModal } from './photo-modal.js';
import { ReasonModal } from './reason-modal.js';

const TONE: Record<LawyerStatus, Tone> = { pending: 'warn', approved: 'good', rejected: 'bad' };
const STATUSES: LawyerStatus[] = ['pending', 'rejected', 'approved'];

export function ReviewQueue() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [status, setStatus] = useState<LawyerStatus>('pending');
  const queue = useReviewQueue(status);
  const decision = useDecision();
  const [viewing, setViewing] = useState<ReviewItem | null>(null);
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null);

  const approve = (item: ReviewItem) =>
    decision.mutate(
      { userId: item.userId, reason: null },
      {
        onSuccess: () => void message.success(t('lawyerReview.approved')),
        onError: (error) => void message.error(problemText(error)),
      },
    );

  const reject = (reason: string) => {
    if (!rejecting) return;
    decision.mutate(
      { userId: rejecting.userId, reason },
      {
        onSuccess: () => {
          setRejecting(null);
          void message.success(t('lawyerReview.rejected'));
        },
      },
    );
  };

  return (
    <>
      <div className="custos-toolbar">
        <Segmented<LawyerStatus>
          aria-label={t('lawyerReview.statusFilter')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`lawyerAccount.status.${s}`) }))}
        />
      </div>
      <ProblemAlert error={queue.error} />
      <Table
        rowKey="userId"
        columns={columns(t, localName, {
          view: setViewing,
          approve,
          reject: (item) => {
            decision.reset();
            setRejecting(item);
          },
          pending: decision.isPending,
        })}
        dataSource={queue.data ?? []}
        loading={queue.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="custos-table-empty">{t('lawyerReview.empty')}</span> }}
        data-testid="lawyer-review-queue"
      />
      <PhotoModal item={viewing} onClose={() => setViewing(null)} />
      <ReasonModal
        open={rejecting !== null}
        title={rejecting ? t('lawyerReview.rejectTitle', { name: rejecting.name }) : ''}
        label={t('lawyerReview.rejectReason')}
        requiredMessage={t('lawyerReview.rejectReasonRequired')}
        okText={t('lawyerReview.reject')}
        danger
        pending={decision.isPending}
        error={decision.error}
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
    </>
  );
}

interface Actions {
  view: (item: ReviewItem) => void;
  approve: (item: ReviewItem) => void;
  reject: (item: ReviewItem) => void;
  pending: boolean;
}

function columns(
  t: TFunction,
  localName: (named: { name: string; nameEn: string }) => string,
  actions: Actions,
): TableColumnsType<ReviewItem> {
  return [
    {
      key: 'name',
      title: t('lawyerReview.columns.name'),
      render: (_, item) => (
        <>
          <div>{item.name}</div>
          <div className="custos-unit-code">{item.username}</div>
        </>
      ),
    },
    {
      key: 'licenceNo',
      title: t('lawyerReview.columns.licenceNo'),
      render: (_, item) => <span className="custos-mono">{item.licenceNo}</span>,
    },
    {
      key: 'idNo',
      title: t('lawyerReview.columns.idNo'),
      render: (_, item) => <span className="custos-mono">{item.idNoMasked}</span>,
    },
    { key: 'mobile', title: t('lawyerReview.columns.mobile'), render: (_, item) => item.mobileMasked },
    { key: 'firm', title: t('lawyerReview.columns.firm'), render: (_, item) => localName(item.firm) },
    {
      key: 'submittedAt',
      title: t('lawyerReview.columns.submittedAt'),
      render: (_, item) => <time dateTime={item.submittedAt}>{formatBeijingTime(item.submittedAt)}</time>,
    },
    {
      key: 'status',
      title: t('lawyerReview.columns.status'),
      render: (_, item) => (
        <>
          <StatusTag tone={TONE[item.status]}>{t(`lawyerAccount.status.${item.status}`)}</StatusTag>
          {item.rejectionReason ? (
            <div className="custos-review-reason">
              {t('lawyerReview.rejectionReason', { reason: item.rejectionReason })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'actions',
      // Kept in view on narrow screens, where the rest of the row scrolls.
      fixed: 'right',
      title: t('lawyerReview.columns.actions'),
      render: (_, item) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => actions.view(item)}>
            {t('lawyerReview.viewPhoto')}
          </Button>
          {item.status === 'pending' ? (
            <>
              <Popconfirm
                title={t('lawyerReview.approveConfirm', { name: item.name })}
                onConfirm={() => actions.approve(item)}
              >
                <Button type="link" size="small" loading={actions.pending}>
                  {t('lawyerReview.approve')}
                </Button>
              </Popconfirm>
              <Button type="link" size="small" danger onClick={() => actions.reject(item)}>
                {t('lawyerReview.reject')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];
}
