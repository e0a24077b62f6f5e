// The activities of a case, each with its place and times, and for those that must be recorded where it
// stands with its recording and when its upload is due (24 hours after its end, seed 001 art. 17).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useUpdateActivity, type ActivityView, type CaseView } from '../../../server-api/cases.js';
import { ActivityDrawer } from './activity-drawer.js';
import { STANDING_TONE } from './case-labels.js';

export function ActivitiesCard({ view, canChange }: { view: CaseView; canChange: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const update = useUpdateActivity(view.id);

  const endNow = (activity: ActivityView) =>
    update.mutate(
      {
        activityId: activity.id,
        ...(activity.actualStartAt ? {} : { actualStartAt: activity.plannedStartAt }),
        actualEndAt: new Date().toISOString(),
      },
      { onSuccess: () => void message.success(t('cases.activities.ended')) },
    );

  return (
    <Card
      title={<h2 className="custos-card-title">{t('cases.activities.title')}</h2>}
      extra={
        canChange ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="activity-add">
            {t('cases.activities.add')}
          </Button>
        ) : null
      }
    >
      <Table<ActivityView>
        rowKey="id"
        dataSource={view.activities}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <span className="custos-table-empty">{t('cases.activities.empty')}</span> }}
        data-testid="activities-table"
        columns={[
          {
            key: 'kind',
            title: t('cases.activities.kind'),
            render: (_, a) => t(`cases.activities.kinds.${a.kind}`),
          },
          { key: 'place', title: t('cases.activities.place'), dataIndex: 'place' },
          {
            key: 'times',
            title: t('cases.activities.actual'),
            render: (_, a) =>
              a.actualStartAt ? (
                <>
                  {formatBeijingTime(a.actualStartAt)}
                  {' – '}
                  {a.actualEndAt ? formatBeijingTime(a.actualEndAt) : '…'}
                </>
              ) : (
                <span>
                  {t('cases.activities.planned')}: {formatBeijingTime(a.plannedStartAt)}
                </span>
              ),
          },
          {
            key: 'recording',
            title: t('cases.activities.recording'),
            render: (_, a) =>
              a.standing ? (
                <StatusTag tone={STANDING_TONE[a.standing]}>
                  <span data-testid={`standing-${a.id}`}>
                    {t(`cases.activities.standings.${a.standing}`)}
                  </span>
                </StatusTag>
              ) : (
                <StatusTag tone="neutral">{t('cases.activities.notRequired')}</StatusTag>
              ),
          },
          {
            key: 'deadline',
            title: t('cases.activities.deadline'),
            render: (_, a) =>
              a.uploadDeadline && a.standing !== 'recorded' ? formatBeijingTime(a.uploadDeadline) : '—',
          },
          {
            key: 'participants',
            title: t('cases.activities.participants'),
            render: (_, a) =>
              a.participants
                .map((p) => `${t(`cases.activities.participantRoles.${p.role}`)} ${p.name}`)
                .join('、') || '—',
          },
          ...(canChange
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, a: ActivityView) =>
                    a.actualEndAt ? null : (
                      <Button size="small" onClick={() => endNow(a)} loading={update.isPending}>
                        {t('cases.activities.endNow')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {canChange ? <ActivityDrawer view={view} open={adding} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
