// Cases, their persons and activities (case officers of the handling unit; reviewers and supervisors of the
// region read them too).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityView,
  CaseListItem,
  CaseView,
  CreateActivityRequest,
  CreateCaseRequest,
  PersonInput,
  PersonView,
} from '../../modules/cases/schemas.js';
import type { CaseStatus } from '../../modules/cases/kinds.js';
import { requestJson } from './client.js';

export type { ActivityView, CaseListItem, CaseView, PersonView };

export const caseKeys = {
  all: ['cases'] as const,
  list: (filter: { status?: string; search?: string }) => ['cases', 'list', filter] as const,
  one: (caseId: string) => ['cases', 'one', caseId] as const,
};

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export function useCases(filter: { status?: CaseStatus; search?: string }) {
  return useQuery({
    queryKey: caseKeys.list(filter),
    queryFn: () => requestJson<{ items: CaseListItem[] }>('/api/cases', { query: { ...filter, limit: 200 } }),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useCase(caseId: string) {
  return useQuery({ queryKey: caseKeys.one(caseId), queryFn: () => requestJson<CaseView>(casePath(caseId)) });
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CreateCaseRequest, 'persons'> & { persons: PersonInput[] }) =>
      requestJson<CaseView>('/api/cases', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useAddPerson(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) =>
      requestJson<PersonView>(`${casePath(caseId)}/persons`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
}

export function useAddActivity(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: Omit<CreateActivityRequest, 'participants'> & {
        participants?: CreateActivityRequest['participants'];
      },
    ) => requestJson<ActivityView>(`${casePath(caseId)}/activities`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
}

export function useUpdateActivity(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      activityId,
      ...body
    }: {
      activityId: string;
      actualStartAt?: string | null;
      actualEndAt?: string | null;
    }) =>
      requestJson<ActivityView>(`${casePath(caseId)}/activities/${encodeURIComponent(activityId)}`, {
        method: 'PATCH',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
}

export function useChangeCaseStatus(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: CaseStatus) =>
      requestJson<CaseView>(`${casePath(caseId)}/status`, { method: 'PUT', body: { status } }),
    onSuccess: (view) => {
      client.setQueryData(caseKeys.one(caseId), view);
      void client.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
