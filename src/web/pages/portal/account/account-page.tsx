// The lawyer's account: the registration review (and resubmission after a rejection), suspensions of online
// booking with the appeal, and assistants.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../../components/page-spinner.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { useLawyerAccount } from '../../../server-api/lawyers.js';
import { AssistantsCard } from './assistants-card.js';
import { CalendarFeedCard } from './calendar-feed-card.js';
import { RegistrationCard } from './registration-card.js';
import { SuspensionsCard } from './suspensions-card.js';
import './account.css';

export function AccountPage() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  useDocumentTitle(t('lawyerAccount.title'));
  const account = useLawyerAccount();

  if (account.isPending) return <PageSpinner />;
  if (account.isError) {
    return (
      <Result
        status="error"
        title={problemText(account.error)}
        extra={<Button onClick={() => void account.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <div className="custos-stack">
      <h1 className="custos-page-title">{t('lawyerAccount.title')}</h1>
      <RegistrationCard account={account.data} />
      <SuspensionsCard suspensions={account.data.suspensions} />
      <AssistantsCard account={account.data} />
      <CalendarFeedCard />
    </div>
  );
}
