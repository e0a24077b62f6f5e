// Transcripts and interruptions on the case page: for each activity with a recording or a transcript, the
// recorded span beside each transcript's times with the difference, flagged beyond the tolerance (art. 27
// item 4); each gap between segments, flagged until an interruption accounts for it (arts. 14–15); and for
// the case's officers, the transcript upload and the interruption form.
import { Alert, Button, Card, Divider, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import type { CaseView } from '../../../server-api/cases.js';
import {
  transcriptFileUrl,
  useActivityRecords,
  type ActivityRecordView,
  type GapView,
  type TranscriptView,
} from '../../../server-api/transcripts.js';
import { InterruptionDrawer } from './interruption-drawer.js';
import { TranscriptUploadForm } from './transcript-upload-form.js';

const span = (from: string | null, to: string | null) =>
  from && to ? `${formatBeijingTime(from)} – ${formatBeijingTime(to)}` : '—';

/** From the first capture start to the latest capture end (segments are in capture-start order). */
function recordedSpan(activity: ActivityRecordView): string {
  const end = activity.segments
    .map((s) => s.endedAt)
    .reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  return span(activity.segments[0]!.startedAt, end);
}

export function TranscriptsCard({ view, canChange }: { view: CaseView; canChange: boolean }) {
  const { t } = useTranslation();
  const records = useActivityRecords(view.id);
  const [gapFor, setGapFor] = useState<{ activityId: string; gap: GapView } | null>(null);
  const shown = (records.data?.activities ?? []).filter(
    (a) => a.segments.length > 0 || a.transcripts.length > 0 || a.interruptions.length > 0,
  );
  const flagged = shown.reduce(
    (n, a) =>
      n +
      a.transcripts.filter((x) => x.comparison.flags.length > 0).length +
      a.gaps.filter((g) => !g.interruptionId).length,
    0,
  );
  const activityLabel = (id: string) => {
    const activity = view.activities.find((a) => a.id === id);
    return activity ? `${t(`cases.activities.kinds.${activity.kind}`)} · ${activity.place}` : '—';
  };

  return (
    <Card title={<h2 className="custos-card-title">{t('transcripts.title')}</h2>}>
      <div className="custos-stack">
        <ProblemAlert error={records.error} />
        {records.data ? (
          <p className="custos-intro">{t('transcripts.intro', { seconds: records.data.toleranceSeconds })}</p>
        ) : null}
        {flagged > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('transcripts.flagged', { count: flagged })}
            data-testid="transcripts-flagged"
          />
        ) : null}
        {records.data && shown.length === 0 ? <Empty description={t('transcripts.empty')} /> : null}
        {shown.map((activity) => (
          <section
            key={activity.activityId}
            className="custos-stack"
            aria-label={activityLabel(activity.activityId)}
          >
            <h3 className="custos-card-title">{activityLabel(activity.activityId)}</h3>
            <p>
              {t('transcripts.segments', { count: activity.segments.length })}
              {activity.segments.length > 0 ? `：${recordedSpan(activity)}` : null}
            </p>
            <TranscriptTable caseId={view.id} activity={activity} />
            <GapList
              activity={activity}
              canChange={canChange}
              onRecord={(gap) => setGapFor({ activityId: activity.activityId, gap })}
            />
          </section>
        ))}
        {canChange ? (
          <>
            <Divider style={{ margin: 0 }} />
            <TranscriptUploadForm view={view} activityLabel={activityLabel} />
          </>
        ) : null}
      </div>
      {gapFor ? (
        <InterruptionDrawer
          view={view}
          activityId={gapFor.activityId}
          gap={gapFor.gap}
          onClose={() => setGapFor(null)}
        />
      ) : null}
    </Card>
  );
}

function TranscriptTable({ caseId, activity }: { caseId: string; activity: ActivityRecordView }) {
  const { t } = useTranslation();
  if (activity.transcripts.length === 0) return <p>{t('transcripts.none')}</p>;
  const seconds = (value: number | null) => (value === null ? '—' : t('transcripts.seconds', { value }));
  return (
    <Table<TranscriptView>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={activity.transcripts}
      data-testid={`transcripts-${activity.activityId}`}
      columns={[
        {
          key: 'file',
          title: t('transcripts.columns.file'),
          render: (_, x) => (
            <a href={transcriptFileUrl(caseId, x.id)} target="_blank" rel="noreferrer">
              {x.fileName}
            </a>
          ),
        },
        {
          key: 'declared',
          title: t('transcripts.columns.declared'),
          render: (_, x) => span(x.startedAt, x.endedAt),
        },
        {
          key: 'recorded',
          title: t('transcripts.columns.recorded'),
          render: (_, x) => span(x.comparison.recordedStartedAt, x.comparison.recordedEndedAt),
        },
        {
          key: 'difference',
          title: t('transcripts.columns.difference'),
          render: (_, x) => (
            <>
              <div>
                {t('transcripts.startDifference')} {seconds(x.comparison.startDifferenceSeconds)}
              </div>
              <div>
                {t('transcripts.endDifference')} {seconds(x.comparison.endDifferenceSeconds)}
              </div>
              {x.comparison.mediaEndDifferenceSeconds !== null ? (
                <div>
                  {t('transcripts.mediaEndDifference')} {seconds(x.comparison.mediaEndDifferenceSeconds)}
                </div>
              ) : null}
            </>
          ),
        },
        {
          key: 'flags',
          title: t('transcripts.columns.check'),
          render: (_, x) =>
            x.comparison.flags.length === 0 ? (
              <StatusTag tone="good">
                <span data-testid={`transcript-check-${x.id}`}>{t('transcripts.consistent')}</span>
              </StatusTag>
            ) : (
              <div data-testid={`transcript-check-${x.id}`}>
                {x.comparison.flags.map((flag) => (
                  <StatusTag key={flag} tone="bad">
                    {t(`transcripts.flags.${flag}`)}
                  </StatusTag>
                ))}
              </div>
            ),
        },
        { key: 'by', title: t('transcripts.columns.uploadedBy'), render: (_, x) => x.uploadedBy.displayName },
      ]}
    />
  );
}

function GapList({
  activity,
  canChange,
  onRecord,
}: {
  activity: ActivityRecordView;
  canChange: boolean;
  onRecord: (gap: GapView) => void;
}) {
  const { t } = useTranslation();
  if (activity.gaps.length === 0 && activity.interruptions.length === 0) return null;
  return (
    <ul className="custos-plain-list" data-testid={`gaps-${activity.activityId}`}>
      {activity.gaps.map((gap) => (
        <li key={`${gap.afterRecordingId}-${gap.beforeRecordingId}`}>
          <Space wrap>
            <span>
              {t('transcripts.gap', { span: span(gap.startedAt, gap.endedAt), seconds: gap.seconds })}
            </span>
            {gap.interruptionId ? (
              <StatusTag tone="good">{t('transcripts.gapAccounted')}</StatusTag>
            ) : (
              <StatusTag tone="bad">
                <span data-testid="gap-unrecorded">{t('transcripts.gapUnrecorded')}</span>
              </StatusTag>
            )}
            {!gap.interruptionId && canChange ? (
              <Button size="small" onClick={() => onRecord(gap)} data-testid="gap-record">
                {t('transcripts.recordInterruption')}
              </Button>
            ) : null}
          </Space>
        </li>
      ))}
      {activity.interruptions.map((i) => (
        <li key={i.id}>
          {t('transcripts.interruption', { span: span(i.startedAt, i.endedAt), reason: i.reason })}
          {i.continuedWithoutRecording
            ? ` ${t('transcripts.continuedApproved', { name: i.approvedBy?.displayName ?? '' })}`
            : null}
        </li>
      ))}
    </ul>
  );
}
