// Holiday years (admin): which years the business calendar covers, and adding or replacing one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { YearDataInput } from '../../platform/calendar/business-calendar.js';
import type { HolidayYearView } from '../../modules/booking/holiday-year-schemas.js';
import { requestJson } from './client.js';

export type { HolidayYearView, YearDataInput };

const holidayYearsKey = ['holiday-years'] as const;

export function useHolidayYears() {
  return useQuery({
    queryKey: holidayYearsKey,
    queryFn: () => requestJson<{ items: HolidayYearView[] }>('/api/holiday-years'),
    select: (data) => data.items,
  });
}

export function usePutHolidayYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: YearDataInput) =>
      requestJson<HolidayYearView>(`/api/holiday-years/${encodeURIComponent(String(data.year))}`, {
        method: 'PUT',
        body: data,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: holidayYearsKey }),
  });
}
