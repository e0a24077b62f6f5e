// Everything kept about one recording: the hashes (declared and computed), each copy with its last fixity
// check, what ffprobe read, the annotations, and why an upload ended if it did.
import { PlayCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import type { RecordingView } from '../../../server-api/recordings.js';
import { RecordingPlayer } from './recording-player.js';

export function RecordingDetails({ recording: r }: { recording: RecordingView; caseId: string }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  return (
    <>
      {r.state === 'sealed' ? (
        <Button icon={<PlayCircleOutlined />} onClick={() => setPlaying(true)} data-testid="recording-play">
          {t('recordings.play')}
        </Button>
      ) : null}
      {playing ? <RecordingPlayer recording={r} onClose={() => setPlaying(false)} /> : null}
      <dl className="custos-recording-details" data-testid={`recording-details-${r.id}`}>
        <dt>{t('recordings.sha256')}</dt>
        <dd className="custos-hash" data-testid="recording-sha256">
          {r.sha256 ?? '—'}
        </dd>
        {r.sm3 ? (
          <>
            <dt>{t('recordings.sm3')}</dt>
            <dd className="custos-hash">{r.sm3}</dd>
          </>
        ) : null}
        <dt>
          {t('recordings.declared')} ({t('recordings.sha256')})
        </dt>
        <dd className="custos-hash">{r.declaredSha256}</dd>
        <dt>{t('recordings.upload.device')}</dt>
        <dd>{r.device}</dd>
        {r.state === 'rejected' ? (
          <>
            <dt>{t('recordings.states.rejected')}</dt>
            <dd>{t('recordings.rejectedReason')}</dd>
          </>
        ) : null}
        {r.copies.length > 0 ? (
          <>
            <dt>{t('recordings.copies')}</dt>
            <dd>
              <ul className="custos-plain-list">
                {r.copies.map((c) => (
                  <li key={c.location}>
                    {t(`recordings.locations.${c.location}`)} ·{' '}
                    {c.lastCheck ? (
                      <>
                        {t('recordings.lastCheck')} {formatBeijingTime(c.lastCheck.checkedAt)}{' '}
                        <StatusTag tone={c.lastCheck.outcome === 'ok' ? 'good' : 'bad'}>
                          {t(`recordings.checkOutcomes.${c.lastCheck.outcome}`)}
                        </StatusTag>
                      </>
                    ) : (
                      t('recordings.neverChecked')
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {r.media ? (
          <>
            <dt>{t('recordings.media')}</dt>
            <dd>
              {r.media.readable ? (
                <>
                  {r.media.durationMs !== null
                    ? t('recordings.duration', { seconds: (r.media.durationMs / 1000).toFixed(1) })
                    : null}{' '}
                  {r.media.streams.map((s) => `${String(s.codec_type)}/${String(s.codec_name)}`).join(', ')}
                  {r.media.containerCreatedAt
                    ? ` · ${t('recordings.containerCreated')} ${formatBeijingTime(r.media.containerCreatedAt)}`
                    : null}
                </>
              ) : (
                t('recordings.notMedia')
              )}
            </dd>
          </>
        ) : null}
        {r.annotations.length > 0 ? (
          <>
            <dt>{t('recordings.annotations')}</dt>
            <dd>
              <ul className="custos-plain-list">
                {r.annotations.map((a) => (
                  <li key={a.id}>
                    {formatBeijingTime(a.createdAt)} {a.author.displayName}：
                    {a.kind === 'capture_time_correction'
                      ? `${t('recordings.correction')} ${a.correctedStartedAt ? formatBeijingTime(a.correctedStartedAt) : '…'} – ${a.correctedEndedAt ? formatBeijingTime(a.correctedEndedAt) : '…'}`
                      : a.note}
                    （{a.reason}）
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
