// The organisation tree, as a flat list the UI folds into a tree.
import { useQuery } from '@tanstack/react-query';
import type { UnitKind } from '../../modules/identity/roles.js';
import { requestJson } from './client.js';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string;
  kind: UnitKind;
  code: string;
}

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => requestJson<{ items: OrgUnit[] }>('/api/org-units'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}
