// The lawyer's home: a greeting, their profile and their recent sign-ins.
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActivityList } from '../../components/activity-list.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalName } from '../../i18n/use-language.js';
import { useGuardedSession } from '../../routing/session-context.js';

export function PortalHomePage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { user } = useGuardedSession();
  useDocumentTitle(t('app.portalTagline'));

  return (
    <div className="custos-stack">
      <h1 className="custos-page-title" data-testid="home-greeting">
        {t('portal.greeting', { name: user.displayName })}
      </h1>
      <Card title={<h2 className="custos-card-title">{t('portal.profileTitle')}</h2>}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('portal.name'), children: user.displayName },
            { key: 'username', label: t('portal.username'), children: user.username },
            { key: 'firm', label: t('portal.lawFirm'), children: localName(user.unit) },
          ]}
        />
      </Card>
      <Card title={<h2 className="custos-card-title">{t('activity.title')}</h2>}>
        <ActivityList />
      </Card>
    </div>
  );
}
