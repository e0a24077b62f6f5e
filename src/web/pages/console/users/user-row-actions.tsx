// The account actions of one user row, each behind a confirmation.
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetPassword, useUserAction, type UserAction, type UserRow } from '../../../server-api/users.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import type { IssuedPassword } from './temporary-password-modal.js';

interface Props {
  user: UserRow;
  isSelf: boolean;
  onPasswordIssued: (issued: IssuedPassword) => void;
}

type ActionName = 'resetSecondFactor' | 'unlock' | 'disable' | 'enable';

const PATHS: Record<ActionName, UserAction> = {
  resetSecondFactor: 'reset-second-factor',
  unlock: 'unlock',
  disable: 'disable',
  enable: 'enable',
};

function availableActions(user: UserRow, isSelf: boolean): ActionName[] {
  const actions: ActionName[] = [];
  if (user.totpEnrolled) actions.push('resetSecondFactor');
  if (user.status === 'locked') actions.push('unlock');
  // An admin does not disable their own account from here: that would lock them out mid-task.
  if (user.status === 'disabled') actions.push('enable');
  else if (!isSelf) actions.push('disable');
  return actions;
}

export function UserRowActions({ user, isSelf, onPasswordIssued }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const resetPassword = useResetPassword();
  const action = useUserAction();
  const name = user.displayName;

  const onError = (error: unknown) => void message.error(problemText(error));

  const confirmResetPassword = () =>
    resetPassword.mutate(user.id, {
      onSuccess: ({ temporaryPassword }) =>
        onPasswordIssued({ displayName: user.displayName, username: user.username, temporaryPassword }),
      onError,
    });

  const run = (which: ActionName) =>
    action.mutate(
      { userId: user.id, action: PATHS[which] },
      { onSuccess: () => void message.success(t(`users.done.${which}`)), onError },
    );

  const running = (which: ActionName) => action.isPending && action.variables.action === PATHS[which];

  return (
    <Space size={0} wrap>
      <Popconfirm title={t('users.confirm.resetPassword', { name })} onConfirm={confirmResetPassword}>
        <Button type="link" size="small" loading={resetPassword.isPending}>
          {t('users.actions.resetPassword')}
        </Button>
      </Popconfirm>
      {availableActions(user, isSelf).map((which) => (
        <Popconfirm key={which} title={t(`users.confirm.${which}`, { name })} onConfirm={() => run(which)}>
          <Button type="link" size="small" danger={which === 'disable'} loading={running(which)}>
            {t(`users.actions.${which}`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
