// Shown when a page cannot render, most often because a lazily loaded chunk is gone after a deploy.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page.js';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <main className="custos-centred">
      <Result
        status="error"
        title={<h1 className="custos-page-title">{t('routeError.title')}</h1>}
        subTitle={t('routeError.body')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </Button>
        }
      />
    </main>
  );
}
