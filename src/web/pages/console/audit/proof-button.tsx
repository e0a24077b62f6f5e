// Fetches an event's inclusion proof and verifies it here, in the browser, with Web Crypto: the
// auditor need not trust the server's word that the event is in the signed log.
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchInclusionProof } from '../../../server-api/audit.js';
import { verifyProof, type ProofOutcome } from '../../../audit/verify-proof.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useProblemText } from '../../../components/use-problem-text.js';

type State =
  | { kind: 'idle' }
  | { kind: 'verifying' }
  | { kind: 'done'; outcome: ProofOutcome }
  | { kind: 'error'; text: string };

export function ProofButton({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const verify = async () => {
    setState({ kind: 'verifying' });
    try {
      const outcome = await verifyProof(await fetchInclusionProof(eventId));
      setState({ kind: 'done', outcome });
    } catch (error) {
      setState({ kind: 'error', text: problemText(error) });
    }
  };

  if (state.kind === 'done') {
    const { outcome } = state;
    return (
      <div aria-live="polite" data-testid="proof-result">
        {outcome.verified ? (
          <StatusTag tone="good" icon={<CheckCircleOutlined />}>
            {t('audit.verified', { size: outcome.treeSize })}
          </StatusTag>
        ) : (
          <>
            <StatusTag tone="bad" icon={<CloseCircleOutlined />}>
              {t('audit.failed')}
            </StatusTag>
            <div className="custos-proof-detail">{t(`audit.failedDetail.${outcome.reason}`)}</div>
          </>
        )}
      </div>
    );
  }
  return (
    <div aria-live="polite">
      <Button
        size="small"
        loading={state.kind === 'verifying'}
        onClick={() => void verify()}
        data-testid="proof-verify"
      >
        {state.kind === 'verifying' ? t('audit.verifying') : t('audit.verify')}
      </Button>
      {state.kind === 'error' ? <div className="custos-proof-detail">{state.text}</div> : null}
    </div>
  );
}
