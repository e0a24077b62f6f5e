// The latest signed checkpoint and the key that verifies its signature, for checking offline.
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLatestCheckpoint, useVerifierKey } from '../../../server-api/audit.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { formatBeijingTime } from '../../../format/date-time.js';

function CheckpointCard() {
  const { t } = useTranslation();
  const checkpoint = useLatestCheckpoint();
  return (
    <Card
      title={<h2 className="custos-card-title">{t('audit.checkpoint.title')}</h2>}
      extra={
        <Button size="small" onClick={() => void checkpoint.refetch()} loading={checkpoint.isFetching}>
          {t('common.refresh')}
        </Button>
      }
      data-testid="checkpoint-panel"
    >
      {checkpoint.isPending ? <Skeleton active /> : null}
      {checkpoint.isError ? <ProblemAlert error={checkpoint.error} /> : null}
      {checkpoint.data === null ? <Empty description={t('audit.checkpoint.none')} /> : null}
      {checkpoint.data ? (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'size', label: t('audit.checkpoint.treeSize'), children: checkpoint.data.treeSize },
              {
                key: 'root',
                label: t('audit.checkpoint.rootHash'),
                children: <code className="custos-mono">{checkpoint.data.rootHash}</code>,
              },
              {
                key: 'created',
                label: t('audit.checkpoint.createdAt'),
                children: formatBeijingTime(checkpoint.data.createdAt),
              },
            ]}
          />
          <h3 className="custos-subheading">{t('audit.checkpoint.note')}</h3>
          <pre className="custos-pre" data-testid="checkpoint-note">
            {checkpoint.data.note}
          </pre>
        </>
      ) : null}
    </Card>
  );
}

function VerifierKeyCard() {
  const { t } = useTranslation();
  const key = useVerifierKey();
  return (
    <Card title={<h2 className="custos-card-title">{t('audit.verifierKey.title')}</h2>}>
      {key.isPending ? <Skeleton active /> : null}
      {key.isError ? <ProblemAlert error={key.error} /> : null}
      {key.data ? (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'algorithm',
                label: t('audit.verifierKey.algorithm'),
                children: key.data.algorithm === 'sm2' ? 'SM2' : 'Ed25519',
              },
              {
                key: 'key',
                label: t('audit.verifierKey.key'),
                children: <code className="custos-mono">{key.data.verifierKey}</code>,
              },
            ]}
          />
          <h3 className="custos-subheading">{t('audit.verifierKey.pem')}</h3>
          <pre className="custos-pre">{key.data.publicKeyPem}</pre>
        </>
      ) : null}
    </Card>
  );
}

export function CheckpointPanel() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <CheckpointCard />
      </Col>
      <Col xs={24} xl={10}>
        <VerifierKeyCard />
      </Col>
    </Row>
  );
}
