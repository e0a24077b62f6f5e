// The portal's sections under the header: home, book a meeting, my bookings. Plain links, so they work
// as links do (open in a new tab, back button) and read as navigation to a screen reader.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './booking.css';

const LINKS = [
  { to: '/portal', key: 'home', end: true },
  { to: '/portal/book', key: 'book', end: false },
  { to: '/portal/bookings', key: 'bookings', end: false },
  { to: '/portal/account', key: 'account', end: false },
] as const;

export function PortalNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('portalNav.label')} className="custos-portal-nav">
      {LINKS.map((link) => (
        <NavLink
          key={link.key}
          to={link.to}
          end={link.end}
          className={({ isActive }) => `custos-portal-nav-link${isActive ? ' is-active' : ''}`}
          data-testid={`portal-nav-${link.key}`}
        >
          {t(`portalNav.${link.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
