// Shown while the session or a lazily loaded page arrives.
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="custos-page-spinner" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="custos-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
