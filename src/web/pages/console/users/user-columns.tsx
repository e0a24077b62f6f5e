// The columns of the users table.
import { Space, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { UserRow, UserStatus } from '../../../server-api/users.js';
import type { useLabels } from '../../../components/labels.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { formatBeijingTime } from '../../../format/date-time.js';

const STATUS_TONE: Record<UserStatus, Tone> = { active: 'good', locked: 'warn', disabled: 'bad' };

interface Context {
  t: TFunction;
  labels: ReturnType<typeof useLabels>;
  localName: (unit: { name: string; nameEn: string }) => string;
  actions: (user: UserRow) => React.ReactNode;
}

export function userColumns({ t, labels, localName, actions }: Context): TableColumnsType<UserRow> {
  return [
    { key: 'username', title: t('users.columns.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName' },
    { key: 'unit', title: t('users.columns.unit'), render: (_, user) => localName(user.unit) },
    {
      key: 'roles',
      title: t('users.columns.roles'),
      render: (_, user) => (
        <Space size={4} wrap>
          {user.roles.map((role) => (
            <StatusTag key={role} tone="neutral">
              {labels.role(role)}
            </StatusTag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('users.columns.status'),
      render: (_, user) => (
        <StatusTag tone={STATUS_TONE[user.status]}>{t(`users.status.${user.status}`)}</StatusTag>
      ),
    },
    {
      key: 'totp',
      title: t('users.columns.totp'),
      render: (_, user) => (user.totpEnrolled ? t('users.totpEnrolled') : t('users.totpNotEnrolled')),
    },
    {
      key: 'lastLogin',
      title: t('users.columns.lastLogin'),
      render: (_, user) =>
        user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt}>{formatBeijingTime(user.lastLoginAt)}</time>
        ) : (
          t('users.neverLoggedIn')
        ),
    },
    { key: 'actions', title: t('users.columns.actions'), fixed: 'right', render: (_, user) => actions(user) },
  ];
}
