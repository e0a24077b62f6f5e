// A real 404 page for addresses the app does not know; inside the console it sits in the layout.
import { Button, Layout, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../components/brand.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useDocumentTitle } from '../components/use-document-title.js';

export function NotFoundContent() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="custos-page-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary" tabIndex={-1}>
            {t('notFound.home')}
          </Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

export function NotFoundPage() {
  return (
    <Layout>
      <Layout.Header className="custos-header">
        <Brand to="/" />
        <div className="custos-header-actions">
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content className="custos-centred">
        <NotFoundContent />
      </Layout.Content>
    </Layout>
  );
}
