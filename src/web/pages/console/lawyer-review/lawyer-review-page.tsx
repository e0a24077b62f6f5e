// Centre staff: the registrations to review, and the suspensions of online booking at their centre.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import { ReviewQueue } from './review-queue.js';
import { SuspensionsPanel } from './suspensions-panel.js';
import './lawyer-review.css';

type Tab = 'queue' | 'suspensions';

export function LawyerReviewPage() {
  const { t } = useTranslation();
  const { user } = useGuardedSession();
  useDocumentTitle(t('lawyerReview.title'));
  // The tab lives in the URL, so a reload or a shared link opens the same one.
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'suspensions' ? 'suspensions' : 'queue';

  return (
    <>
      <h1 className="custos-page-title">{t('lawyerReview.title')}</h1>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'queue', label: t('lawyerReview.tabs.queue'), children: <ReviewQueue /> },
            {
              key: 'suspensions',
              label: t('lawyerReview.tabs.suspensions'),
              // Centre staff belong to their centre: its suspensions are theirs to see.
              children: <SuspensionsPanel unitId={user.unit.id} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
