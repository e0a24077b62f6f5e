// The console home: welcome, the user's roles and unit, and their recent sign-ins.
import { Card, Col, Descriptions, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActivityList } from '../../components/activity-list.js';
import { useLabels } from '../../components/labels.js';
import { StatusTag } from '../../components/status-tag.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocalName } from '../../i18n/use-language.js';
import { useGuardedSession } from '../../routing/session-context.js';

export function ConsoleHomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const localName = useLocalName();
  const { user } = useGuardedSession();
  useDocumentTitle(t('console.menu.home'));

  return (
    <>
      <h1 className="custos-page-title" data-testid="home-greeting">
        {t('console.welcome', { name: user.displayName })}
      </h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="custos-card-title">{t('console.profileTitle')}</h2>}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('portal.username'), children: user.username },
                {
                  key: 'unit',
                  label: t('console.unitTitle'),
                  children: (
                    <Space wrap size={6}>
                      <span>{localName(user.unit)}</span>
                      <StatusTag tone="neutral">{labels.unitKind(user.unit.kind)}</StatusTag>
                    </Space>
                  ),
                },
                {
                  key: 'roles',
                  label: t('console.rolesTitle'),
                  children: (
                    <Space wrap size={6} data-testid="home-roles">
                      {user.roles.map((role) => (
                        <StatusTag key={role} tone="info">
                          {labels.role(role)}
                        </StatusTag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="custos-card-title">{t('activity.title')}</h2>}>
            <ActivityList />
          </Card>
        </Col>
      </Row>
    </>
  );
}
