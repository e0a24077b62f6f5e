// The console's left menu, built from the user's roles: everyone has Home; admins manage users, the
// organisation tree and the public-holiday years, and read the development mailbox; auditors read the
// audit log; centre staff run the day sheet, the roster and the centre's booking configuration.
import {
  AlertOutlined,
  AuditOutlined,
  FolderOpenOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  CarryOutOutlined,
  HomeOutlined,
  IdcardOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
  VideoCameraOutlined,
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
  /** Null: every console user; a list: anyone holding one of them. */
  role: Role | readonly Role[] | null;
}

const ENTRIES: Entry[] = [
  { key: 'home', path: '/console', icon: <HomeOutlined />, role: null },
  { key: 'users', path: '/console/users', icon: <TeamOutlined />, role: 'admin' },
  { key: 'units', path: '/console/units', icon: <ApartmentOutlined />, role: 'admin' },
  { key: 'devMessages', path: '/console/dev-messages', icon: <MessageOutlined />, role: 'admin' },
  { key: 'holidayYears', path: '/console/holiday-years', icon: <CarryOutOutlined />, role: 'admin' },
  { key: 'audit', path: '/console/audit', icon: <AuditOutlined />, role: 'auditor' },
  { key: 'centreDay', path: '/console/centre/day', icon: <CalendarOutlined />, role: 'centre_staff' },
  { key: 'centreRoster', path: '/console/centre/roster', icon: <IdcardOutlined />, role: 'centre_staff' },
  {
    key: 'centrePermissions',
    path: '/console/centre/permissions',
    icon: <FileProtectOutlined />,
    role: 'centre_staff',
  },
  {
    key: 'centreSessions',
    path: '/console/centre/sessions',
    icon: <ScheduleOutlined />,
    role: 'centre_staff',
  },
  { key: 'centreRooms', path: '/console/centre/rooms', icon: <VideoCameraOutlined />, role: 'centre_staff' },
  {
    key: 'centreClosedDates',
    path: '/console/centre/closed-dates',
    icon: <StopOutlined />,
    role: 'centre_staff',
  },
  {
    key: 'centreSettings',
    path: '/console/centre/settings',
    icon: <SettingOutlined />,
    role: 'centre_staff',
  },
  {
    key: 'lawyerReview',
    path: '/console/lawyer-review',
    icon: <SafetyCertificateOutlined />,
    role: 'centre_staff',
  },
  // Evidence: the roles that may read recordings (never the admin, who cannot hold them).
  {
    key: 'cases',
    path: '/console/cases',
    icon: <FolderOpenOutlined />,
    role: ['case_officer', 'custodian', 'reviewer', 'supervisor'],
  },
  {
    key: 'evidenceAlerts',
    path: '/console/evidence-alerts',
    icon: <AlertOutlined />,
    role: ['custodian', 'supervisor', 'case_officer', 'reviewer'],
  },
];

export function consoleMenuItems(
  roles: readonly Role[],
  label: (key: MenuKey) => string,
): MenuProps['items'] {
  const holds = (role: Entry['role']) =>
    role === null || (typeof role === 'string' ? roles.includes(role) : role.some((r) => roles.includes(r)));
  return ENTRIES.filter((entry) => holds(entry.role)).map((entry) => ({
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
