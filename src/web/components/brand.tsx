// The Custos name and mark, linking home.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand({ to, subtitle }: { to: string; subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="custos-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="custos-brand-name">{t('app.name')}</span>
      {subtitle ? <span className="custos-brand-subtitle">{subtitle}</span> : null}
    </Link>
  );
}
