// The development mailbox (admin): every SMS and email the development provider "delivered", newest
// first, so a demo or a tester can read verification codes and confirmations without a phone.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useDevMessages, type DevMessage } from '../../../server-api/notify.js';

const STATUS_TONE: Record<DevMessage['status'], Tone> = {
  pending: 'warn',
  sending: 'info',
  sent: 'good',
  failed: 'bad',
};

/** Short columns keep to one line; the message column takes the rest of the width and wraps. */
const oneLine = {
  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
  onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
};

function columns(t: TFunction): TableColumnsType<DevMessage> {
  return [
    {
      key: 'time',
      ...oneLine,
      title: t('devMessages.columns.time'),
      render: (_, m) => <time dateTime={m.deliveredAt}>{formatBeijingTime(m.deliveredAt)}</time>,
    },
    {
      key: 'channel',
      ...oneLine,
      title: t('devMessages.columns.channel'),
      render: (_, m) => t(`devMessages.channel.${m.channel}`),
    },
    {
      key: 'recipient',
      ...oneLine,
      title: t('devMessages.columns.recipient'),
      render: (_, m) => <span className="custos-mono">{m.recipient}</span>,
    },
    {
      key: 'status',
      ...oneLine,
      title: t('devMessages.columns.status'),
      render: (_, m) => (
        <StatusTag tone={STATUS_TONE[m.status]}>{t(`devMessages.status.${m.status}`)}</StatusTag>
      ),
    },
    {
      key: 'text',
      title: t('devMessages.columns.text'),
      render: (_, m) => (
        // Inline: the shared stylesheet belongs to the shell; this is the only wrapped-text cell so far.
        <div style={{ minWidth: 240, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {m.subject !== null ? <strong>{m.subject}</strong> : null}
          <div>{m.body}</div>
        </div>
      ),
    },
  ];
}

export function DevMessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('devMessages.title'));
  const messages = useDevMessages();

  return (
    <>
      <h1 className="custos-page-title">{t('devMessages.title')}</h1>
      <Card>
        <div className="custos-toolbar">
          <p className="custos-intro">{t('devMessages.intro')}</p>
          <Button
            icon={<ReloadOutlined />}
            className="custos-toolbar-end"
            onClick={() => void messages.refetch()}
            loading={messages.isFetching}
          >
            {t('common.refresh')}
          </Button>
        </div>
        <ProblemAlert error={messages.error} />
        <Table
          rowKey="id"
          columns={columns(t)}
          dataSource={messages.data ?? []}
          loading={messages.isLoading}
          // The text column takes what is left and wraps; narrow screens scroll sideways instead.
          scroll={{ x: 840 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <span className="custos-table-empty">{t('devMessages.empty')}</span> }}
          data-testid="dev-messages"
        />
      </Card>
    </>
  );
}
