// The player of a sealed recording's working copy. Opening it is a view, recorded in the audit log; the
// picture carries a watermark of the viewer's name and the current Beijing time, so a screen recording of
// it says who watched and when. Seeking works through HTTP range requests.
import { Alert, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useStartView, type RecordingView } from '../../../server-api/recordings.js';

export function RecordingPlayer({ recording, onClose }: { recording: RecordingView; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useStartView();
  const [now, setNow] = useState(() => new Date().toISOString());
  const { mutate } = view;

  useEffect(() => {
    mutate(recording.id);
  }, [mutate, recording.id]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(timer);
  }, []);

  const isAudio = recording.contentType.startsWith('audio/');
  return (
    <Modal
      open
      title={t('recordings.player.title')}
      onCancel={onClose}
      footer={null}
      width="min(960px, 100vw)"
      destroyOnHidden
    >
      <ProblemAlert error={view.error} />
      {view.data ? (
        <>
          <Alert type="info" showIcon title={t('recordings.player.notice')} />
          {view.data.served.copy === 'derivative' ? (
            <Alert
              type="warning"
              showIcon
              title={t('recordings.player.derivative', { hash: view.data.served.derivedFromSha256 })}
              data-testid="recording-derivative-notice"
            />
          ) : null}
          <div className="custos-player">
            {isAudio ? (
              <audio
                controls
                src={view.data.mediaUrl}
                aria-label={t('recordings.player.label', { file: recording.filename })}
              />
            ) : (
              <video
                controls
                preload="metadata"
                src={view.data.mediaUrl}
                aria-label={t('recordings.player.label', { file: recording.filename })}
                data-testid="recording-video"
              />
            )}
            <div className="custos-watermark" aria-hidden="true" data-testid="recording-watermark">
              {view.data.viewer} · {formatBeijingTime(now)}
            </div>
          </div>
        </>
      ) : null}
    </Modal>
  );
}
