// User administration (admin role): list, create, and the account actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../modules/identity/roles.js';
import type { z } from 'zod';
import type { unitSummarySchema } from '../../modules/identity/schemas.js';
import { request, requestJson } from './client.js';

export type UnitSummary = z.infer<typeof unitSummarySchema>;
export type UserStatus = 'active' | 'disabled' | 'locked';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  unit: UnitSummary;
  roles: Role[];
  status: UserStatus;
  totpEnrolled: boolean;
  lastLoginAt: string | null;
}

export interface UserFilter {
  unitId?: string;
  q?: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
}

export interface CreatedUser {
  user: UserRow;
  temporaryPassword: string;
}

export type UserAction = 'reset-second-factor' | 'unlock' | 'disable' | 'enable';

const usersKey = ['users'] as const;

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...usersKey, filter],
    queryFn: () =>
      requestJson<{ items: UserRow[] }>('/api/users', { query: { unitId: filter.unitId, q: filter.q } }),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) =>
      requestJson<CreatedUser>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      requestJson<{ temporaryPassword: string }>(`/api/users/${encodeURIComponent(userId)}/reset-password`, {
        method: 'POST',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, action }: { userId: string; action: UserAction }) => {
      await request(`/api/users/${encodeURIComponent(userId)}/${action}`, { method: 'POST' });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}
