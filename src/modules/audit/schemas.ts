// Shapes of the audit API, shared with the web UI.
import { z } from 'zod';

export const auditEventViewSchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ userId: z.string().nullable(), username: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  unitId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  leafIndex: z.number().int().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const listEventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  action: z.string().trim().max(100).optional(),
});

export const checkpointViewSchema = z.object({
  treeSize: z.number().int(),
  rootHash: z.string().describe('base64'),
  note: z.string().describe('C2SP signed note'),
  createdAt: z.iso.datetime(),
});
export type CheckpointView = z.infer<typeof checkpointViewSchema>;

export const inclusionProofViewSchema = z.object({
  eventId: z.string(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: z.string().describe('base64'),
  auditPath: z.array(z.string()).describe('base64 hashes, RFC 9162 §2.1.3'),
  rootHash: z.string(),
  note: z.string(),
});

export const consistencyQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const consistencyProofViewSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(z.string()),
  fromNote: z.string(),
  toNote: z.string(),
});

export const verifierKeyViewSchema = z.object({
  algorithm: z.enum(['ed25519', 'sm2']),
  verifierKey: z.string(),
  publicKeyPem: z.string(),
  origin: z.string(),
});

export const activityItemSchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  action: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const verificationReportSchema = z.object({
  ok: z.boolean(),
  treeSize: z.number().int(),
  checkpoints: z.number().int(),
  latestCheckpointSize: z.number().int(),
  pendingEvents: z.number().int(),
  problems: z.array(
    z.object({
      kind: z.string(),
      message: z.string(),
      position: z.number().int().optional(),
      eventId: z.number().int().optional(),
      treeSize: z.number().int().optional(),
    }),
  ),
  firstBadEventId: z.number().int().nullable(),
});
