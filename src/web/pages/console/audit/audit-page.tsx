// The audit log (auditor): the latest signed checkpoint, then the events, newest first, paged with
// the server's `before` cursor, each verifiable against the log in the browser.
import { Button, Card, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditEvents, type AuditEvent } from '../../../server-api/audit.js';
import { useLabels } from '../../../components/labels.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { auditColumns } from './audit-columns.js';
import { CheckpointPanel } from './checkpoint-panel.js';

function Payload({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="custos-visually-hidden">{t('audit.payload')}</h3>
      <pre className="custos-pre">{JSON.stringify(event.payload, null, 2)}</pre>
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  useDocumentTitle(t('audit.title'));
  const [action, setAction] = useState<string | undefined>(undefined);
  // Cursors of the pages before this one; the last is the current page's `before`.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1);
  const events = useAuditEvents({ action, before });

  return (
    <>
      <h1 className="custos-page-title">{t('audit.title')}</h1>
      <div className="custos-stack">
        <CheckpointPanel />
        <Card>
          <Form layout="vertical" className="custos-toolbar" name="audit-filter" role="search">
            <Form.Item label={t('audit.filterAction')} htmlFor="audit-filter-action">
              <Input.Search
                id="audit-filter-action"
                allowClear
                placeholder={t('audit.filterActionPlaceholder')}
                spellCheck={false}
                autoCapitalize="none"
                onSearch={(value) => {
                  setAction(value.trim() || undefined);
                  setCursors([]);
                }}
                style={{ width: 300 }}
              />
            </Form.Item>
          </Form>
          <p className="custos-intro">{t('audit.proofIntro')}</p>
          <ProblemAlert error={events.error} />
          <Table
            rowKey="id"
            columns={auditColumns(t, labels)}
            dataSource={events.data?.items ?? []}
            loading={events.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{
              columnTitle: <span className="custos-visually-hidden">{t('audit.payload')}</span>,
              expandedRowRender: (event) => <Payload event={event} />,
            }}
            data-testid="audit-events"
          />
          <nav className="custos-pager" aria-label={t('audit.title')}>
            <Button disabled={cursors.length === 0} onClick={() => setCursors((list) => list.slice(0, -1))}>
              {t('audit.newer')}
            </Button>
            <Button
              disabled={!events.data?.nextBefore}
              onClick={() => {
                const next = events.data?.nextBefore;
                if (next) setCursors((list) => [...list, next]);
              }}
            >
              {t('audit.older')}
            </Button>
          </nav>
        </Card>
      </div>
    </>
  );
}
