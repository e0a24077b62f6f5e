// A case: its overview and status, persons (ID numbers masked), activities with where each mandatory one
// stands with its recording and when its upload is due, and the recordings with their upload.
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseStatus } from '../../../../modules/cases/kinds.js';
import { PageSpinner } from '../../../components/page-spinner.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { useCase, useChangeCaseStatus, type CaseView } from '../../../server-api/cases.js';
import { ActivitiesCard } from './activities-card.js';
import { CASE_STATUS_TONE } from './case-labels.js';
import { RecordingsCard } from './recordings-card.js';
import { TranscriptsCard } from './transcripts-card.js';
import './cases.css';

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const view = useCase(caseId);
  useDocumentTitle(view.data ? `${view.data.caseNo} ${view.data.title}` : t('cases.title'));
  if (view.isPending) return <PageSpinner />;
  if (!view.data) return <ProblemAlert error={view.error} />;
  return <CaseContent view={view.data} />;
}

function CaseContent({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { user } = useGuardedSession();
  const isOfficer = user.roles.includes('case_officer');
  const canChange = isOfficer && view.status !== 'closed';

  return (
    <>
      <p>
        <Link to="/console/cases">{t('cases.page.back')}</Link>
      </p>
      <h1 className="custos-page-title">
        <span className="custos-mono">{view.caseNo}</span> {view.title}
      </h1>
      <div className="custos-stack">
        {view.missingRecordings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('cases.page.missing', { count: view.missingRecordings.length })}
            data-testid="case-missing"
          />
        ) : view.activities.some((a) => a.recordingRequired) ? (
          <Alert type="success" showIcon title={t('cases.page.allRecorded')} />
        ) : null}
        <Card
          title={<h2 className="custos-card-title">{t('cases.page.overview')}</h2>}
          extra={<StatusActions view={view} />}
        >
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              {
                key: 'status',
                label: t('cases.columns.status'),
                children: (
                  <StatusTag tone={CASE_STATUS_TONE[view.status]}>
                    <span data-testid="case-status">{t(`cases.statuses.${view.status}`)}</span>
                  </StatusTag>
                ),
              },
              { key: 'kind', label: t('cases.columns.kind'), children: t(`cases.kinds.${view.kind}`) },
              {
                key: 'handling',
                label: t('cases.page.handlingUnit'),
                children: localName(view.handlingUnit),
              },
              { key: 'issuing', label: t('cases.page.issuingUnit'), children: localName(view.issuingUnit) },
              {
                key: 'officers',
                label: t('cases.page.officers'),
                children: view.officers.map((o) => o.displayName).join('、'),
              },
              {
                key: 'persons',
                label: t('cases.page.persons'),
                children:
                  view.persons.length === 0 ? (
                    t('cases.page.noPersons')
                  ) : (
                    <ul className="custos-plain-list" data-testid="case-persons">
                      {view.persons.map((p) => (
                        <li key={p.id}>
                          {t(`cases.personRoles.${p.role}`)}：{p.name}
                          {p.idNoMasked ? <span className="custos-mono"> {p.idNoMasked}</span> : null}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </Card>
        <ActivitiesCard view={view} canChange={canChange} />
        <RecordingsCard view={view} canUpload={canChange} />
        <TranscriptsCard view={view} canChange={canChange} />
      </div>
    </>
  );
}

function StatusActions({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useGuardedSession();
  const change = useChangeCaseStatus(view.id);
  const run = (status: CaseStatus) =>
    change.mutate(status, { onSuccess: () => void message.success(t('cases.page.statusChanged')) });
  const isOfficer = user.roles.includes('case_officer');
  const isReviewer = user.roles.includes('reviewer');
  return (
    <Space wrap>
      <ProblemAlert error={change.error} />
      {view.status === 'open' && isOfficer ? (
        <Button
          onClick={() => run('under_review')}
          loading={change.isPending}
          data-testid="case-submit-review"
        >
          {t('cases.page.submitReview')}
        </Button>
      ) : null}
      {view.status === 'under_review' && isReviewer ? (
        <Button onClick={() => run('open')} loading={change.isPending}>
          {t('cases.page.returnCase')}
        </Button>
      ) : null}
      {(view.status === 'open' && isOfficer) || (view.status === 'under_review' && isReviewer) ? (
        <Popconfirm title={t('cases.page.confirmClose')} onConfirm={() => run('closed')}>
          <Button danger>{t('cases.page.closeCase')}</Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
