// Shows a temporary password the server issued (new user or reset) exactly once.
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret.js';

export interface IssuedPassword {
  displayName: string;
  username: string;
  temporaryPassword: string;
}

export function TemporaryPasswordModal({
  issued,
  onClose,
}: {
  issued: IssuedPassword | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={issued !== null}
      title={t('users.temporaryPassword.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.temporaryPassword.close')}
        </Button>
      }
      destroyOnHidden
    >
      {issued ? (
        <OneTimeSecret
          secret={issued.temporaryPassword}
          forUser={t('users.temporaryPassword.forUser', {
            name: issued.displayName,
            username: issued.username,
          })}
        />
      ) : null}
    </Modal>
  );
}
