// The frame of every centre staff page: the staff member's own centre, or a plain notice when their unit
// is not a detention centre (the menu shows these pages to the centre_staff role, wherever it sits).
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useGuardedSession } from '../../../routing/session-context.js';
import './centre.css';

export function CentrePage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: (unitId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { user } = useGuardedSession();
  useDocumentTitle(title);
  return (
    <>
      <h1 className="custos-page-title">{title}</h1>
      {intro ? <p className="custos-intro">{intro}</p> : null}
      {user.unit.kind === 'detention_centre' ? (
        children(user.unit.id)
      ) : (
        <Alert type="info" showIcon title={t('centre.notACentre')} />
      )}
    </>
  );
}
