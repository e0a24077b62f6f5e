// 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）,
// https://www.gov.cn/zhengce/content/202310/content_6911527.htm
// Taken from NateScarlet/holiday-cn `holiday-cn.ics` (commit 0c2759c89d8477d8915b2e15a8ec68a2b28baa92) and
// checked date by date against the notice text as printed in 人民日报 2023-10-26 p. 6 and on Wikisource.
// The notice gives 1 January and 10 June "与周末连休": only those days are days off in this notice.
import type { HolidayYear } from './holiday-year.js';

export const holidays2024 = {
  year: 2024,
  source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
  daysOff: [
    { date: '2024-01-01', name: '元旦' },
    { date: '2024-02-10', name: '春节' },
    { date: '2024-02-11', name: '春节' },
    { date: '2024-02-12', name: '春节' },
    { date: '2024-02-13', name: '春节' },
    { date: '2024-02-14', name: '春节' },
    { date: '2024-02-15', name: '春节' },
    { date: '2024-02-16', name: '春节' },
    { date: '2024-02-17', name: '春节' },
    { date: '2024-04-04', name: '清明节' },
    { date: '2024-04-05', name: '清明节' },
    { date: '2024-04-06', name: '清明节' },
    { date: '2024-05-01', name: '劳动节' },
    { date: '2024-05-02', name: '劳动节' },
    { date: '2024-05-03', name: '劳动节' },
    { date: '2024-05-04', name: '劳动节' },
    { date: '2024-05-05', name: '劳动节' },
    { date: '2024-06-10', name: '端午节' },
    { date: '2024-09-15', name: '中秋节' },
    { date: '2024-09-16', name: '中秋节' },
    { date: '2024-09-17', name: '中秋节' },
    { date: '2024-10-01', name: '国庆节' },
    { date: '2024-10-02', name: '国庆节' },
    { date: '2024-10-03', name: '国庆节' },
    { date: '2024-10-04', name: '国庆节' },
    { date: '2024-10-05', name: '国庆节' },
    { date: '2024-10-06', name: '国庆节' },
    { date: '2024-10-07', name: '国庆节' },
  ],
  workdays: [
    { date: '2024-02-04', name: '春节' },
    { date: '2024-02-18', name: '春节' },
    { date: '2024-04-07', name: '清明节' },
    { date: '2024-04-28', name: '劳动节' },
    { date: '2024-05-11', name: '劳动节' },
    { date: '2024-09-14', name: '中秋节' },
    { date: '2024-09-29', name: '国庆节' },
    { date: '2024-10-12', name: '国庆节' },
  ],
} as const satisfies HolidayYear;
