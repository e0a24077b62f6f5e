// The people of the bench: the centre's staff member, 2,000+ lawyer accounts each with a signed-in
// session, and a client on the roster for every lawyer with the lawyer's documents for that client (a
// power of attorney and a firm letter, filed before anything is timed), so capacity is the only thing
// that refuses them.
//
// Accounts and sessions skip argon2 where it would only slow the setup down. `provision` hashes each
// password (argon2id, 19 MiB, 2 passes: ~15 ms a hash on this machine), and signing in through
// POST /api/auth/login verifies it again, so 2,000 lawyers would cost about a minute of setup that is never
// part of the measured path (a session cookie is checked by a SHA-256 lookup, not by argon2). So the first
// few accounts go through `provision` to measure it, the rest are written through the identity repository
// with one shared hash (and the same audit entry provision writes), and sessions are inserted through the
// repository exactly as AuthService.login stores them.
import crypto from 'node:crypto';
import type { Custos } from '../../src/composition.js';
import type { Actor, RequestContext } from '../../src/modules/identity/actor.js';
import { hashPassword } from '../../src/modules/identity/passwords.js';
import type { UnitRow } from '../../src/modules/identity/repository.js';
import { newCsrfToken, newSessionToken, sessionIdOf } from '../../src/modules/identity/session-token.js';
import { runConcurrently } from './load.js';

export const benchContext: RequestContext = {
  ip: '127.0.0.1',
  userAgent: 'custos-bench',
  correlationId: null,
};

export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

export interface BenchLawyer {
  userId: string;
  username: string;
  actor: Actor;
  /** This lawyer's own client on the centre's roster. */
  client: { name: string; idNo: string };
  /** The documents the lawyer books this client with; filled in by fileDocuments. */
  documentIds: string[];
}

/** A session row as AuthService.login writes it, for a user who has passed every sign-in step. */
export async function openSession(
  custos: Custos,
  userId: string,
  secondFactor: 'not_required' | 'done',
): Promise<SignedIn & { token: string }> {
  const now = custos.clock.now();
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  await custos.repositories.identity.insertSession(custos.database.db, {
    id: sessionIdOf(token),
    userId,
    secondFactor,
    csrfToken,
    ip: '127.0.0.1',
    userAgent: 'custos-bench',
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + custos.settings.session.idleMs),
    absoluteExpiresAt: new Date(now.getTime() + custos.settings.session.absoluteMs),
  });
  return { token, csrfToken, cookie: `custos_session=${token}` };
}

/** The demo centre's staff member, resolved by the auth service as a request would be. */
export async function staffActor(custos: Custos): Promise<Actor> {
  const user = await custos.repositories.identity.userByUsername(custos.database.db, 'demo-centre');
  if (!user) throw new Error('the demo seed has no demo-centre user');
  const { token } = await openSession(custos, user.id, 'done');
  const resolved = await custos.services.auth.resolve(token);
  if (!resolved?.complete) throw new Error('the staff session did not resolve');
  return resolved.actor;
}

export interface LawyerSetup {
  lawyers: BenchLawyer[];
  /** Mean time of one `provision` call (argon2 included), over the accounts made that way. */
  provisionMsEach: number;
  provisioned: number;
}

export async function createLawyers(custos: Custos, count: number, viaProvision = 20): Promise<LawyerSetup> {
  const { identity } = custos.repositories;
  const db = custos.database.db;
  const firm = (await identity.unitByCode(db, 'LF-13010001'))!;
  const region = (await identity.nearestRegion(db, firm.path))!;
  const actorOf = (id: string, username: string): Actor => ({
    userId: id,
    username,
    displayName: username,
    roles: ['lawyer'],
    unit: { id: firm.id, kind: 'law_firm', path: firm.path },
    regionPath: region.path,
    sessionId: 'bench',
  });
  const lawyers: BenchLawyer[] = [];
  const add = (id: string, username: string, n: number) =>
    lawyers.push({
      userId: id,
      username,
      actor: actorOf(id, username),
      client: { name: `在押人员${n}`, idNo: benchIdNo(n) },
      documentIds: [],
    });

  const provisioned = Math.min(viaProvision, count);
  const started = performance.now();
  for (let n = 0; n < provisioned; n++) {
    const user = await custos.tx.run((tx) =>
      custos.services.users.provision(tx, lawyerInput(firm, n, `password for bench lawyer ${n}`), {
        actor: null,
      }),
    );
    add(user.id, user.username, n);
  }
  const provisionMsEach = provisioned ? (performance.now() - started) / provisioned : Number.NaN;

  const sharedHash = await hashPassword(crypto.randomBytes(16).toString('hex'));
  for (let from = provisioned; from < count; from += 250) {
    const batch = await custos.tx.run(async (tx) => {
      const made: { id: string; username: string; n: number }[] = [];
      for (let n = from; n < Math.min(count, from + 250); n++) {
        const input = lawyerInput(firm, n, '');
        const user = await identity.insertUser(
          tx,
          {
            unitId: firm.id,
            username: input.username,
            displayName: input.displayName,
            passwordHash: sharedHash,
            passwordChangeRequired: false,
          },
          ['lawyer'],
        );
        await custos.services.audit.record(
          tx,
          { actor: null },
          {
            action: 'user.created',
            subject: { type: 'user', id: user.id },
            unitId: firm.id,
            payload: { username: user.username, roles: ['lawyer'] },
          },
        );
        made.push({ id: user.id, username: user.username, n });
      }
      return made;
    });
    for (const m of batch) add(m.id, m.username, m.n);
  }
  return { lawyers, provisionMsEach, provisioned };
}

function lawyerInput(firm: UnitRow, n: number, password: string) {
  return {
    username: `bench.lawyer.${n}`,
    displayName: `律师${n}`,
    unit: firm,
    roles: ['lawyer' as const],
    password,
    passwordChangeRequired: false,
  };
}

/** A signed-in session for every lawyer (not_required: lawyers have no second factor). */
export async function signInAll(custos: Custos, lawyers: readonly BenchLawyer[]): Promise<SignedIn[]> {
  const sessions: SignedIn[] = [];
  for (const l of lawyers) {
    const { cookie, csrfToken } = await openSession(custos, l.userId, 'not_required');
    sessions.push({ cookie, csrfToken });
  }
  return sessions;
}

/** Every lawyer's client onto the roster, through the roster service (sealing, keyed hash, audit). */
export async function addClients(
  custos: Custos,
  staff: Actor,
  unitId: string,
  lawyers: readonly BenchLawyer[],
): Promise<void> {
  await runConcurrently(lawyers, 8, async (l) => {
    await custos.services.roster.addDetainee(
      staff,
      unitId,
      { name: l.client.name, idNo: l.client.idNo, restrictedCase: false },
      benchContext,
    );
  });
}

/** The smallest file the sniffing accepts as a PDF; the bench measures booking, not uploads. */
const BENCH_PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

/**
 * Every lawyer's power of attorney and firm letter for their client, filed through the documents service
 * (roster match, hash, audit) as a lawyer's upload is, before the race, so each attempt books with them.
 */
export async function fileDocuments(
  custos: Custos,
  unitId: string,
  lawyers: readonly BenchLawyer[],
): Promise<void> {
  await runConcurrently(lawyers, 8, async (l) => {
    const ids: string[] = [];
    for (const kind of ['power_of_attorney', 'firm_letter'] as const) {
      const filed = await custos.services.clientDocuments.upload(
        l.actor,
        unitId,
        { client: l.client, kind, fileName: `${kind}.pdf`, content: BENCH_PDF },
        benchContext,
      );
      ids.push(filed.id);
    }
    l.documentIds = ids;
  });
}

/**
 * A valid GB 11643 number for serial n: Beijing Chaoyang's address code, a birth date moving one day per
 * 999 serials from 1970-01-01, a sequence of 001-999 and the MOD 11-2 check character.
 */
export function benchIdNo(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 999) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `110105${ymd}${String((n % 999) + 1).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
