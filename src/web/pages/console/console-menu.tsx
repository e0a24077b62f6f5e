// The console's left menu, built from the user's roles: everyone has Home; admins manage users and
// the organisation tree and read the development mailbox; auditors read the audit log.
import {
  AuditOutlined,
  ApartmentOutlined,
  HomeOutlined,
  MessageOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../../modules/identity/roles.js';
import type { Resources } from '../../i18n/zh-CN.js';

type MenuKey = keyof Resources['console']['menu'];

interface Entry {
  key: MenuKey;
  path: string;
  icon: ReactNode;
  /** Null: every console user. */
  role: Role | null;
}

const ENTRIES: Entry[] = [
  { key: 'home', path: '/console', icon: <HomeOutlined />, role: null },
  { key: 'users', path: '/console/users', icon: <TeamOutlined />, role: 'admin' },
  { key: 'units', path: '/console/units', icon: <ApartmentOutlined />, role: 'admin' },
  { key: 'devMessages', path: '/console/dev-messages', icon: <MessageOutlined />, role: 'admin' },
  { key: 'audit', path: '/console/audit', icon: <AuditOutlined />, role: 'auditor' },
];

export function consoleMenuItems(
  roles: readonly Role[],
  label: (key: MenuKey) => string,
): MenuProps['items'] {
  return ENTRIES.filter((entry) => entry.role === null || roles.includes(entry.role)).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: label(entry.key),
  }));
}

/** The menu entry a location belongs to: the longest entry path that prefixes it. */
export function selectedMenuKey(pathname: string): string {
  const match = ENTRIES.map((entry) => entry.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? '/console';
}
