// English for the admin's holiday-year page, typed as the Chinese resource so a missing or extra key
// fails tsc.
import type holidayYearsZhCN from './holiday-years-zh-CN.js';

const holidayYearsEn: typeof holidayYearsZhCN = {
  holidayYears: {
    title: 'Public holidays',
    intro:
      'Booking windows count working days: days off are closed for booking and make-up working days are open. Custos ships the years it could verify; when the State Council General Office publishes a new year’s holiday notice, enter it here. A year not entered yet is not open for booking.',
    coveredTitle: 'Years covered',
    columns: {
      year: 'Year',
      origin: 'Origin',
      source: 'Source',
      daysOff: 'Days off',
      workdays: 'Make-up workdays',
      added: 'Entered by',
      actions: 'Actions',
    },
    origin: {
      built_in: 'Built in',
      added: 'Entered by an admin',
      replacesBuiltIn: 'Entered by an admin (replaces built-in)',
    },
    addedBy: '{{name}}, {{time}}',
    load: 'Load into form',
    loaded: '{{year}} is loaded; change it and save',
    empty: 'No years',
    formTitle: 'Enter or update a year',
    formIntro: 'Saving replaces the whole year; dates are Beijing dates.',
    year: 'Year',
    yearRequired: 'Enter a year from 2000 to 2100',
    source: 'Source (the notice’s title and number)',
    sourceHelp: 'For example “国务院办公厅关于XXXX年部分节假日安排的通知” and its document number.',
    daysOff: 'Days off',
    daysOffHelp:
      'One day per line: the date and the festival’s name, separated by a space, e.g. “2027-01-01 元旦”. List weekend days inside a holiday too; 1 January, 1 May and 1–3 October must be there.',
    workdays: 'Make-up workdays',
    workdaysHelp:
      'One day per line: a Saturday or Sunday that is worked and the festival it makes up for, as above; leave empty if none.',
    malformed: 'Line {{line}} “{{text}}” should be “date name”',
    rowError: 'Line {{line}}: {{message}}',
    save: 'Save',
    replaceTitle: 'Replace {{year}}?',
    replaceBody:
      '{{year}} is already covered ({{origin}}). Saving replaces the whole year, and booking windows follow it at once.',
    replace: 'Replace',
    saved: 'Saved the public holidays of {{year}}',
  },
};

export default holidayYearsEn;
