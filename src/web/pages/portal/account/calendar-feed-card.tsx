// The lawyer's private calendar feed: make the subscription URL, copy it or subscribe on this device,
// replace it (the old one stops working, so it asks first) or stop it. The server keeps only the token's
// hash, so the URL is shown once, right after it is made; afterwards the card says when it was made.
import { CalendarOutlined, CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { formatBeijingTime } from '../../../format/date-time.js';
import {
  useCalendarFeed,
  useIssueCalendarFeed,
  useRevokeCalendarFeed,
  type CalendarFeedIssued,
} from '../../../server-api/calendar-feed.js';
import './calendar-feed-card.css';

/** webcal:// opens the device's calendar app at its "subscribe" step (iOS, macOS, Outlook). */
function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const feed = useCalendarFeed();
  const issue = useIssueCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  // The URL exists in the browser only between being made and the page being left.
  const [issued, setIssued] = useState<CalendarFeedIssued | null>(null);

  const makeUrl = () =>
    issue.mutate(undefined, {
      onSuccess: (made) => {
        setIssued(made);
        void message.success(t(made.replaced ? 'calendarFeed.replaced' : 'calendarFeed.created'));
      },
    });
  const stop = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setIssued(null);
        void message.success(t('calendarFeed.revoked'));
      },
      onError: (error) => void message.error(problemText(error)),
    });

  const replaceButton = (
    <Popconfirm title={t('calendarFeed.replaceConfirm')} onConfirm={makeUrl}>
      <Button loading={issue.isPending} data-testid="calendar-feed-replace">
        {t('calendarFeed.replace')}
      </Button>
    </Popconfirm>
  );
  const revokeButton = (
    <Popconfirm title={t('calendarFeed.revokeConfirm')} onConfirm={stop}>
      <Button danger loading={revoke.isPending} data-testid="calendar-feed-revoke">
        {t('calendarFeed.revoke')}
      </Button>
    </Popconfirm>
  );

  let body;
  if (feed.isPending) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (feed.isError) {
    body = <ProblemAlert error={feed.error} />;
  } else if (issued) {
    body = (
      <div className="custos-stack">
        <Alert type="warning" showIcon title={t('calendarFeed.showOnce')} />
        <div>
          <h3 className="custos-subheading">{t('calendarFeed.urlLabel')}</h3>
          <Typography.Text
            code
            className="custos-feed-url"
            data-testid="calendar-feed-url"
            copyable={{
              text: issued.url,
              icon: [
                <span key="copy" className="custos-copy-label">
                  <CopyOutlined /> {t('common.copy')}
                </span>,
                <span key="copied" className="custos-copy-label">
                  <CheckOutlined /> {t('common.copied')}
                </span>,
              ],
              tooltips: false,
            }}
          >
            {issued.url}
          </Typography.Text>
        </div>
        <p className="custos-account-line">{t('calendarFeed.keepPrivate')}</p>
        <div className="custos-account-actions custos-feed-actions">
          <Button
            type="primary"
            icon={<CalendarOutlined />}
            href={webcalUrl(issued.url)}
            data-testid="calendar-feed-subscribe"
          >
            {t('calendarFeed.subscribe')}
          </Button>
          {replaceButton}
          {revokeButton}
        </div>
      </div>
    );
  } else if (feed.data.active) {
    body = (
      <div className="custos-stack">
        <p className="custos-account-line" data-testid="calendar-feed-active">
          {t('calendarFeed.activeSince', { at: formatBeijingTime(feed.data.createdAt ?? '') })}
        </p>
        <div className="custos-account-actions custos-feed-actions">
          {replaceButton}
          {revokeButton}
        </div>
      </div>
    );
  } else {
    body = (
      <div className="custos-stack">
        <p className="custos-account-line">{t('calendarFeed.none')}</p>
        <div>
          <Button
            type="primary"
            icon={<CalendarOutlined />}
            loading={issue.isPending}
            onClick={makeUrl}
            data-testid="calendar-feed-create"
          >
            {t('calendarFeed.create')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <Card
      title={<h2 className="custos-card-title">{t('calendarFeed.title')}</h2>}
      data-testid="account-calendar-feed"
    >
      <div className="custos-stack">
        <p className="custos-intro custos-feed-intro">{t('calendarFeed.intro')}</p>
        <ProblemAlert error={issue.error} />
        {body}
        <div>
          <h3 className="custos-subheading">{t('calendarFeed.howTitle')}</h3>
          <ul className="custos-account-list custos-feed-how">
            <li>{t('calendarFeed.howIphone')}</li>
            <li>{t('calendarFeed.howAndroid')}</li>
            <li>{t('calendarFeed.howDesktop')}</li>
          </ul>
          <p className="custos-account-line custos-feed-note">{t('calendarFeed.refreshNote')}</p>
        </div>
      </div>
    </Card>
  );
}
