// `custos db grant-app-role ROLE`: on PostgreSQL, the app should run as a role that owns nothing and may
// not change the audit log at all. Run this as the owner (the role that ran the migrations).
import type { Custos } from '../composition.js';
import type { Io } from './main.js';

const AUDIT_TABLES = ['audit_event', 'audit_leaf', 'audit_node', 'audit_checkpoint', 'audit_signing_key'];

export async function grantAppRole(custos: Custos, role: string | undefined, io: Io): Promise<number> {
  if (!role || !/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    io.err('usage: custos db grant-app-role ROLE   (a lowercase PostgreSQL role name)');
    return 2;
  }
  if (custos.database.kind !== 'postgres') {
    io.err('the embedded database has a single user; roles apply to PostgreSQL (DATABASE_URL) only');
    return 1;
  }
  const sql = (text: string) => custos.database.executeSql(text);
  const exists = await custos.database.executeSql('select 1 from pg_roles where rolname = $1', [role]);
  if (exists.rows.length === 0) {
    io.err(`role ${role} does not exist; create it first (CREATE ROLE ${role} LOGIN PASSWORD '...')`);
    return 1;
  }
  await sql(`GRANT USAGE ON SCHEMA public, drizzle TO ${role}`);
  await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await sql(`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}`);
  await sql(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await sql(`REVOKE UPDATE, DELETE, TRUNCATE ON ${AUDIT_TABLES.join(', ')} FROM ${role}`);
  await sql(`REVOKE UPDATE, TRUNCATE ON audit_pending FROM ${role}`);
  // Evidence is written once: copies, media facts, annotations, fixity checks, derivatives, transcripts and
  // interruptions are never changed, and recordings and alerts never deleted (the triggers of the migrations
  // "recordings-guards", "transcripts-guards" and "recording-derivative" say the same).
  const writeOnce = [
    'recording_copy',
    'recording_media_fact',
    'recording_annotation',
    'fixity_check',
    'recording_derivative',
    'transcript',
    'recording_interruption',
    'interruption_annotation',
  ];
  await sql(`REVOKE UPDATE, DELETE, TRUNCATE ON ${writeOnce.join(', ')} FROM ${role}`);
  await sql(`REVOKE DELETE, TRUNCATE ON recording, evidence_alert FROM ${role}`);
  // The job queue manages its own tables and partitions, so its schema stays the app's to use fully.
  await sql(`GRANT USAGE, CREATE ON SCHEMA pgboss TO ${role}`).catch(() => undefined);
  await sql(`GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO ${role}`).catch(() => undefined);
  io.out(`granted ${role} the app's privileges; it cannot update, delete or truncate the audit log`);
  return 0;
}
