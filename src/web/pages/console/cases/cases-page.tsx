// The cases in the user's reach: search by number or title, filter by status, open one; case officers
// open new cases here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, type CaseStatus } from '../../../../modules/cases/kinds.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { useCases, type CaseListItem } from '../../../server-api/cases.js';
import { CASE_STATUS_TONE } from './case-labels.js';
import { NewCaseDrawer } from './new-case-drawer.js';
import './cases.css';

export function CasesPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { user } = useGuardedSession();
  useDocumentTitle(t('cases.title'));
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const cases = useCases({
    ...(status ? { status } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  });
  const isOfficer = user.roles.includes('case_officer');

  return (
    <>
      <h1 className="custos-page-title">{t('cases.title')}</h1>
      <p className="custos-intro">{t('cases.intro')}</p>
      <Card>
        <div className="custos-toolbar custos-cases-toolbar">
          <Input.Search
            allowClear
            aria-label={t('cases.search')}
            placeholder={t('cases.search')}
            style={{ width: 280 }}
            onSearch={setSearch}
            data-testid="cases-search"
          />
          <Select<CaseStatus | 'all'>
            aria-label={t('cases.status')}
            style={{ width: 180 }}
            value={status ?? 'all'}
            onChange={(value) => setStatus(value === 'all' ? undefined : value)}
            options={[
              { value: 'all', label: t('cases.allStatuses') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) })),
            ]}
          />
          {isOfficer ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="case-new"
            >
              {t('cases.new')}
            </Button>
          ) : null}
        </div>
        <ProblemAlert error={cases.error} />
        <Table<CaseListItem>
          rowKey="id"
          loading={cases.isPending}
          dataSource={cases.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="custos-table-empty">{t('cases.empty')}</span> }}
          data-testid="cases-table"
          columns={[
            {
              key: 'caseNo',
              title: t('cases.columns.caseNo'),
              render: (_, c) => (
                <Link to={`/console/cases/${c.id}`} className="custos-mono">
                  {c.caseNo}
                </Link>
              ),
            },
            { key: 'title', title: t('cases.columns.title'), dataIndex: 'title' },
            { key: 'kind', title: t('cases.columns.kind'), render: (_, c) => t(`cases.kinds.${c.kind}`) },
            {
              key: 'status',
              title: t('cases.columns.status'),
              render: (_, c) => (
                <StatusTag tone={CASE_STATUS_TONE[c.status]}>{t(`cases.statuses.${c.status}`)}</StatusTag>
              ),
            },
            {
              key: 'unit',
              title: t('cases.columns.handlingUnit'),
              render: (_, c) => localName(c.handlingUnit),
            },
            { key: 'activities', title: t('cases.columns.activities'), dataIndex: 'activityCount' },
            {
              key: 'createdAt',
              title: t('cases.columns.createdAt'),
              render: (_, c) => formatBeijingTime(c.createdAt),
            },
          ]}
        />
      </Card>
      {isOfficer ? <NewCaseDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
