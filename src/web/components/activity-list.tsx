// The signed-in user's recent sign-in activity, newest first: lets people spot a sign-in that was not theirs.
import { CheckCircleOutlined, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyActivity, type ActivityItem } from '../server-api/me.js';
import { formatBeijingTime } from '../format/date-time.js';
import { useLabels } from './labels.js';
import { ProblemAlert } from './problem-alert.js';

function ActionIcon({ action }: { action: string }) {
  if (action.endsWith('.failed') || action === 'auth.locked') {
    return <CloseCircleOutlined className="custos-icon-bad" aria-hidden />;
  }
  if (action.endsWith('.succeeded')) return <CheckCircleOutlined className="custos-icon-good" aria-hidden />;
  return <InfoCircleOutlined className="custos-icon-neutral" aria-hidden />;
}

function ActivityRow({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <li className="custos-activity-item">
      <ActionIcon action={item.action} />
      <div className="custos-activity-body">
        <div className="custos-activity-head">
          <strong>{labels.action(item.action)}</strong>
          <time dateTime={item.occurredAt}>{formatBeijingTime(item.occurredAt)}</time>
        </div>
        <div className="custos-activity-meta">
          {t('activity.ip')}: {item.ip ?? t('activity.unknown')}
        </div>
        {item.userAgent ? (
          <div className="custos-activity-meta custos-ellipsis" title={item.userAgent}>
            {t('activity.device')}: {item.userAgent}
          </div>
        ) : null}
      </div>
    </li>
  );
}

export function ActivityList() {
  const { t } = useTranslation();
  const activity = useMyActivity();

  if (activity.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (activity.isError) {
    return (
      <ProblemAlert error={activity.error}>
        <Button size="small" onClick={() => void activity.refetch()}>
          {t('common.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  if (activity.data.length === 0) return <Empty description={t('activity.empty')} />;
  return (
    <ul className="custos-activity">
      {activity.data.map((item) => (
        <ActivityRow key={item.id} item={item} />
      ))}
    </ul>
  );
}
