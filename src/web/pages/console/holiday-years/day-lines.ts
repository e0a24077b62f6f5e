// The admin types (or pastes from the notice or a spreadsheet) one date per line: "2027-01-01 元旦". These
// helpers turn the text into the API's rows and back, and put the server's field errors ("daysOff.3.date")
// on the line they are about. Whether a date is valid is the server's schema's call, not this file's.
import type { FieldError } from '../../../../platform/http/problem.js';

export type DayList = 'daysOff' | 'workdays';

export interface DayLine {
  /** 1-based line of the text box, as the admin counts. */
  line: number;
  date: string;
  name: string;
}

export interface ParsedDays {
  days: DayLine[];
  /** Lines that are neither blank nor "date name". */
  malformed: { line: number; text: string }[];
}

// A date, then a space, tab, comma (either width) or several, then the festival's name.
const LINE = /^(\S+?)[\s,，、]+(\S.*)$/;

export function parseDayLines(text: string): ParsedDays {
  const days: DayLine[] = [];
  const malformed: ParsedDays['malformed'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const match = LINE.exec(trimmed);
    if (match) days.push({ line: index + 1, date: match[1]!, name: match[2]!.trim() });
    else malformed.push({ line: index + 1, text: trimmed });
  });
  return { days, malformed };
}

export function formatDayLines(days: readonly { date: string; name: string }[]): string {
  return days.map((d) => `${d.date} ${d.name}`).join('\n');
}

export interface LineError {
  line: number;
  message: FieldError['message'];
}

/**
 * The server's errors about one list, by line: "daysOff.3.date" is the fourth row sent, which came from
 * the line parseDayLines recorded for it. Errors about the list as a whole ("daysOff") have no line.
 */
export function lineErrors(
  errors: readonly FieldError[],
  list: DayList,
  sent: readonly DayLine[],
): { rows: LineError[]; whole: FieldError['message'][] } {
  const rows: LineError[] = [];
  const whole: FieldError['message'][] = [];
  for (const error of errors) {
    const [head, index] = error.path.split(/[./]/).filter((s) => s && s !== 'body');
    if (head !== list) continue;
    const row = index === undefined ? undefined : sent[Number(index)];
    if (row) rows.push({ line: row.line, message: error.message });
    else whole.push(error.message);
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, whole };
}
