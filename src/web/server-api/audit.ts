// The audit log (auditor role): events, the latest signed checkpoint, inclusion proofs, the verifier key.
import { useQuery } from '@tanstack/react-query';
import { requestJson } from './client.js';
import { isApiProblem } from './problem.js';

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: { userId: string; username: string } | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  unitId: string | null;
  payload: Record<string, unknown>;
  /** Null until the integrator has given the event its place in the Merkle tree. */
  leafIndex: number | null;
}

export interface AuditEventPage {
  items: AuditEvent[];
  nextBefore: string | null;
}

export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  auditPath: string[];
  rootHash: string;
  note: string;
}

export interface VerifierKey {
  algorithm: 'ed25519' | 'sm2';
  verifierKey: string;
  publicKeyPem: string;
}

export const AUDIT_PAGE_SIZE = 50;
const NO_CHECKPOINT = 'audit.no_checkpoint';

export function useAuditEvents(filter: { action?: string; before?: string }) {
  return useQuery({
    queryKey: ['audit', 'events', filter],
    queryFn: () =>
      requestJson<AuditEventPage>('/api/audit/events', {
        query: { limit: AUDIT_PAGE_SIZE, before: filter.before, action: filter.action },
      }),
    placeholderData: (previous) => previous,
  });
}

/** The latest checkpoint, or null while the log has none yet. */
export function useLatestCheckpoint() {
  return useQuery({
    queryKey: ['audit', 'checkpoint', 'latest'],
    queryFn: async (): Promise<Checkpoint | null> => {
      try {
        return await requestJson<Checkpoint>('/api/audit/checkpoints/latest');
      } catch (error) {
        if (isApiProblem(error, NO_CHECKPOINT)) return null;
        throw error;
      }
    },
  });
}

export function useVerifierKey() {
  return useQuery({
    queryKey: ['audit', 'verifier-key'],
    queryFn: () => requestJson<VerifierKey>('/api/audit/verifier-key'),
    staleTime: Infinity,
  });
}

export function fetchInclusionProof(eventId: string): Promise<InclusionProof> {
  return requestJson<InclusionProof>(`/api/audit/events/${encodeURIComponent(eventId)}/proof`);
}
