// The demo organisation: a province -> city -> district tree with one unit of every working kind and one
// user per role, so a person can try every part of Custos on a fresh install. Passwords are random and
// returned to the caller, who writes them to a file in the data directory; none is in the code.
import crypto from 'node:crypto';
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import type { IdentityRepository, UnitRow } from './repository.js';
import type { Role, UnitKind } from './roles.js';
import type { UserAdminService } from './user-admin-service.js';

interface UnitSpec {
  key: string;
  parent: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  nameEn: string;
}

/** The demo detention centre, which the booking demo sets up. */
export const DEMO_CENTRE_CODE = '130102-KSS';

const UNITS: UnitSpec[] = [
  {
    key: 'province',
    parent: null,
    kind: 'province',
    code: '130000',
    name: '河北省',
    nameEn: 'Hebei Province',
  },
  { key: 'city', parent: 'province', kind: 'city', code: '130100', name: '石家庄市', nameEn: 'Shijiazhuang' },
  {
    key: 'district',
    parent: 'city',
    kind: 'district',
    code: '130102',
    name: '长安区',
    nameEn: "Chang'an District",
  },
  {
    key: 'centre',
    parent: 'district',
    kind: 'detention_centre',
    code: DEMO_CENTRE_CODE,
    name: '石家庄市长安区看守所',
    nameEn: "Chang'an Detention Centre",
  },
  {
    key: 'station1',
    parent: 'district',
    kind: 'police_station',
    code: '130102-PCS-01',
    name: '长安分局建北派出所',
    nameEn: 'Jianbei Police Station',
  },
  {
    key: 'station2',
    parent: 'district',
    kind: 'police_station',
    code: '130102-PCS-02',
    name: '长安分局育才派出所',
    nameEn: 'Yucai Police Station',
  },
  {
    key: 'casecentre',
    parent: 'district',
    kind: 'case_handling_centre',
    code: '130102-BAZX',
    name: '长安分局执法办案中心',
    nameEn: "Chang'an Case-Handling Centre",
  },
  {
    key: 'legal',
    parent: 'district',
    kind: 'legal_department',
    code: '130102-FZ',
    name: '长安分局法制大队',
    nameEn: "Chang'an Legal Department",
  },
  {
    key: 'procuratorate',
    parent: 'district',
    kind: 'procuratorate',
    code: '130102-JCY',
    name: '石家庄市长安区人民检察院',
    nameEn: "Chang'an District Procuratorate",
  },
  {
    key: 'court',
    parent: 'district',
    kind: 'court',
    code: '130102-FY',
    name: '石家庄市长安区人民法院',
    nameEn: "Chang'an District Court",
  },
  {
    key: 'firm',
    parent: 'city',
    kind: 'law_firm',
    code: 'LF-13010001',
    name: '河北正衡律师事务所',
    nameEn: 'Hebei Zhengheng Law Firm',
  },
];

const USERS: { username: string; displayName: string; unit: string; role: Role }[] = [
  { username: 'demo-lawyer', displayName: '王律师', unit: 'firm', role: 'lawyer' },
  { username: 'demo-centre', displayName: '看守所 李警官', unit: 'centre', role: 'centre_staff' },
  { username: 'demo-station', displayName: '派出所 赵警官', unit: 'station1', role: 'station_staff' },
  { username: 'demo-officer', displayName: '办案民警 张警官', unit: 'casecentre', role: 'case_officer' },
  { username: 'demo-custodian', displayName: '保管员 陈警官', unit: 'casecentre', role: 'custodian' },
  { username: 'demo-reviewer', displayName: '法制审核 刘警官', unit: 'legal', role: 'reviewer' },
  { username: 'demo-supervisor', displayName: '督察 孙警官', unit: 'district', role: 'supervisor' },
  { username: 'demo-court', displayName: '法院 周法官', unit: 'court', role: 'external_requester' },
  // Administration and audit sit at the city: their region then covers the district and the law firm.
  { username: 'demo-auditor', displayName: '审计 吴审计员', unit: 'city', role: 'auditor' },
  { username: 'demo-admin', displayName: '系统管理员 郑工', unit: 'city', role: 'admin' },
];

export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

const SEED_CONTEXT: AuditContext = { actor: { userId: null, username: 'system:demo-seed' } };

/** Seeds the demo if, and only if, the database has no units yet. Returns the credentials it created. */
export async function seedDemo(deps: {
  tx: Transactions;
  repo: IdentityRepository;
  users: UserAdminService;
  audit: AuditRecorder;
}): Promise<DemoCredential[] | null> {
  return deps.tx.run(async (tx) => {
    if ((await deps.repo.countUnits(tx)) > 0) return null;
    const units = new Map<string, UnitRow>();
    for (const spec of UNITS) {
      const unit = await deps.repo.insertUnit(tx, {
        parentId: spec.parent ? units.get(spec.parent)!.id : null,
        kind: spec.kind,
        code: spec.code,
        name: spec.name,
        nameEn: spec.nameEn,
      });
      units.set(spec.key, unit);
      await deps.audit.record(tx, SEED_CONTEXT, {
        action: 'org_unit.created',
        subject: { type: 'org_unit', id: unit.id },
        unitId: unit.id,
        payload: { code: unit.code, kind: unit.kind, name: unit.name },
      });
    }
    const credentials: DemoCredential[] = [];
    for (const spec of USERS) {
      const password = crypto.randomBytes(12).toString('base64url');
      await deps.users.provision(
        tx,
        {
          username: spec.username,
          displayName: spec.displayName,
          unit: units.get(spec.unit)!,
          roles: [spec.role],
          password,
          passwordChangeRequired: false,
        },
        SEED_CONTEXT,
      );
      credentials.push({ username: spec.username, password, role: spec.role, displayName: spec.displayName });
    }
    return credentials;
  });
}

export function formatCredentials(credentials: DemoCredential[], url: string): string {
  const lines = [
    '# Custos demo accounts / 演示账号',
    `# ${url}`,
    '# Staff accounts enrol a TOTP authenticator at first sign-in. / 工作人员账号首次登录需绑定动态口令。',
    '',
    ...credentials.map(
      (c) => `${c.role.padEnd(20)} ${c.username.padEnd(18)} ${c.password}   ${c.displayName}`,
    ),
    '',
  ];
  return lines.join('\n');
}
