// The centre's suspensions of online booking, with the lawyers' appeals; staff lift one with a reason.
import { App, Button, Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useCentreSuspensions, useLiftSuspension, type SuspensionView } from '../../../server-api/lawyers.js';
import { ReasonModal } from './reason-modal.js';

type State = 'inForce' | 'lifted' | 'ended';

function stateOf(s: SuspensionView, now: number): State {
  if (s.liftedAt) return 'lifted';
  return Date.parse(s.endsAt) > now ? 'inForce' : 'ended';
}

export function SuspensionsPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const suspensions = useCentreSuspensions(unitId);
  const lift = useLiftSuspension();
  const [lifting, setLifting] = useState<SuspensionView | null>(null);

  const onLift = (reason: string) => {
    if (!lifting) return;
    lift.mutate(
      { suspensionId: lifting.id, reason },
      {
        onSuccess: () => {
          setLifting(null);
          void message.success(t('lawyerReview.liftDone'));
        },
      },
    );
  };

  return (
    <>
      <p className="custos-intro">{t('lawyerReview.suspensionsIntro')}</p>
      <ProblemAlert error={suspensions.error} />
      <Table
        rowKey="id"
        columns={columns(t, Date.now(), (s) => {
          lift.reset();
          setLifting(s);
        })}
        dataSource={suspensions.data ?? []}
        loading={suspensions.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="custos-table-empty">{t('lawyerReview.empty')}</span> }}
        data-testid="lawyer-suspensions"
      />
      <ReasonModal
        open={lifting !== null}
        title={lifting ? t('lawyerReview.liftTitle', { name: lifting.lawyer.name }) : ''}
        label={t('lawyerReview.liftReason')}
        requiredMessage={t('lawyerReview.liftReasonRequired')}
        okText={t('lawyerReview.lift')}
        pending={lift.isPending}
        error={lift.error}
        onSubmit={onLift}
        onClose={() => setLifting(null)}
      />
    </>
  );
}

function columns(
  t: TFunction,
  now: number,
  onLift: (s: SuspensionView) => void,
): TableColumnsType<SuspensionView> {
  return [
    {
      key: 'lawyer',
      title: t('lawyerReview.suspensionColumns.lawyer'),
      render: (_, s) => (
        <>
          <div>{s.lawyer.name}</div>
          <div className="custos-unit-code">{s.lawyer.username}</div>
        </>
      ),
    },
    {
      key: 'period',
      title: t('lawyerReview.suspensionColumns.period'),
      render: (_, s) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatBeijingTime(s.startsAt)} – {formatBeijingTime(s.endsAt)}
        </span>
      ),
    },
    {
      key: 'strikes',
      title: t('lawyerReview.suspensionColumns.strikes'),
      render: (_, s) => t('lawyerReview.strikes', { count: s.strikeCount, window: s.strikeWindowDays }),
    },
    {
      key: 'appeal',
      title: t('lawyerReview.suspensionColumns.appeal'),
      render: (_, s) =>
        s.appeal ? (
          <div style={{ minWidth: 200, maxWidth: 360, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {s.appeal}
          </div>
        ) : (
          t('lawyerReview.noAppeal')
        ),
    },
    {
      key: 'status',
      title: t('lawyerReview.suspensionColumns.status'),
      render: (_, s) => {
        const state = stateOf(s, now);
        return (
          <>
            <StatusTag tone={state === 'inForce' ? 'bad' : 'neutral'}>{t(`lawyerReview.${state}`)}</StatusTag>
            {s.liftReason ? <div className="custos-review-reason">{s.liftReason}</div> : null}
          </>
        );
      },
    },
    {
      key: 'actions',
      // Kept in view on narrow screens, where the rest of the row scrolls.
      fixed: 'right',
      title: t('lawyerReview.suspensionColumns.actions'),
      render: (_, s) =>
        stateOf(s, now) === 'inForce' ? (
          <Button type="link" size="small" onClick={() => onLift(s)}>
            {t('lawyerReview.lift')}
          </Button>
        ) : null,
    },
  ];
}
