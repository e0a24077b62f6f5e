// How a covered year's origin reads in the table and in the "replace?" question.
import type { TFunction } from 'i18next';
import type { HolidayYearView } from '../../../server-api/holiday-years.js';

export function originLabel(view: HolidayYearView, t: TFunction): string {
  if (view.origin === 'built_in') return t('holidayYears.origin.built_in');
  return view.replacesBuiltIn ? t('holidayYears.origin.replacesBuiltIn') : t('holidayYears.origin.added');
}
