// A case's recordings: uploads in progress with what has arrived, sealed ones with their hashes and the last
// fixity check of each copy, ended ones with why; and, for the case's officers, the upload.
import { Card, Divider, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import type { CaseView } from '../../../server-api/cases.js';
import { useCaseRecordings, type RecordingView } from '../../../server-api/recordings.js';
import { formatBytes, RECORDING_STATE_TONE } from './case-labels.js';
import { RecordingDetails } from './recording-details.js';
import { UploadPanel } from './upload-panel.js';

export function RecordingsCard({ view, canUpload }: { view: CaseView; canUpload: boolean }) {
  const { t } = useTranslation();
  const recordings = useCaseRecordings(view.id);
  const activityLabel = (id: string) => {
    const activity = view.activities.find((a) => a.id === id);
    return activity ? `${t(`cases.activities.kinds.${activity.kind}`)} · ${activity.place}` : '—';
  };

  return (
    <Card title={<h2 className="custos-card-title">{t('recordings.title')}</h2>}>
      <ProblemAlert error={recordings.error} />
      <Table<RecordingView>
        rowKey="id"
        loading={recordings.isPending}
        dataSource={recordings.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <span className="custos-table-empty">{t('recordings.empty')}</span> }}
        expandable={{ expandedRowRender: (r) => <RecordingDetails recording={r} caseId={view.id} /> }}
        data-testid="recordings-table"
        columns={[
          { key: 'file', title: t('recordings.columns.file'), dataIndex: 'filename' },
          {
            key: 'activity',
            title: t('recordings.columns.activity'),
            render: (_, r) => activityLabel(r.activityId),
          },
          {
            key: 'state',
            title: t('recordings.columns.state'),
            render: (_, r) => (
              <>
                <StatusTag tone={RECORDING_STATE_TONE[r.state]}>
                  <span data-testid={`recording-state-${r.id}`}>{t(`recordings.states.${r.state}`)}</span>
                </StatusTag>
                {r.state === 'receiving' ? (
                  <div>
                    {t('recordings.received', {
                      received: formatBytes(r.receivedBytes),
                      total: formatBytes(r.byteSize),
                    })}
                  </div>
                ) : null}
              </>
            ),
          },
          { key: 'size', title: t('recordings.columns.size'), render: (_, r) => formatBytes(r.byteSize) },
          {
            key: 'capture',
            title: t('recordings.columns.capture'),
            render: (_, r) =>
              `${formatBeijingTime(r.captureStartedAt)} – ${formatBeijingTime(r.captureEndedAt)}`,
          },
          {
            key: 'uploadedBy',
            title: t('recordings.columns.uploadedBy'),
            render: (_, r) => r.uploadedBy.displayName,
          },
          {
            key: 'sha256',
            title: t('recordings.sha256'),
            render: (_, r) => (
              <span className="custos-hash">{(r.sha256 ?? r.declaredSha256).slice(0, 16)}…</span>
            ),
          },
        ]}
      />
      {canUpload ? (
        <>
          <Divider />
          <UploadPanel view={view} />
        </>
      ) : null}
    </Card>
  );
}
