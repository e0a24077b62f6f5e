// `custos user add` and `custos user reset-password`: account tasks for an operator at the server, e.g.
// creating the first admin of a production install.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Custos } from '../composition.js';
import type { AuditContext } from '../modules/audit/audit-recorder.js';
import { generateTemporaryPassword } from '../modules/identity/passwords.js';
import { ROLES, type Role } from '../modules/identity/roles.js';
import { usernameSchema } from '../modules/identity/schemas.js';
import type { Io } from './main.js';

const cliContext = (): AuditContext => ({
  actor: { userId: null, username: `cli:${os.userInfo().username}` },
});

export async function userAdd(custos: Custos, args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
    },
  });
  const username = usernameSchema.safeParse(values.username);
  const roles = values.role ?? [];
  const badRole = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (!username.success || !values.name || !values.unit || roles.length === 0 || badRole) {
    io.err(
      badRole
        ? `unknown role ${badRole}; roles: ${ROLES.join(', ')}`
        : 'usage: custos user add --username U --name N --unit CODE --role R [--role R]',
    );
    return 2;
  }
  const { identity } = custos.repositories;
  const unit = await identity.unitByCode(custos.database.db, values.unit);
  if (!unit) {
    io.err(`no unit with code ${values.unit}`);
    return 1;
  }
  const password = generateTemporaryPassword();
  await custos.tx.run((tx) =>
    custos.services.users.provision(
      tx,
      {
        username: username.data,
        displayName: values.name!,
        unit,
        roles: roles as Role[],
        password,
        passwordChangeRequired: true,
      },
      cliContext(),
    ),
  );
  io.out(`created ${username.data} in ${unit.name} (${unit.code}) with role(s) ${roles.join(', ')}`);
  io.out(`temporary password (must be changed at first sign-in): ${password}`);
  return 0;
}

export async function userResetPassword(custos: Custos, args: string[], io: Io): Promise<number> {
  const [username] = args;
  if (!username) {
    io.err('usage: custos user reset-password USERNAME');
    return 2;
  }
  const { temporaryPassword } = await custos.services.users.resetPasswordByOperator(username, cliContext());
  io.out(
    `temporary password for ${username.toLowerCase()} (must be changed at first sign-in): ${temporaryPassword}`,
  );
  return 0;
}
