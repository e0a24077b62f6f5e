// Booked meetings as iCalendar (RFC 5545), for the lawyer's own calendar: one VEVENT per meeting with times
// in UTC, so every calendar application shows them right whatever its time zone. A file holds one meeting;
// the private feed holds all of a lawyer's, with the RFC 7986 name and refresh interval a subscribing
// calendar reads. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text
// values are escaped.

export interface CalendarEvent {
  /** Globally unique and stable for the booking, so a second download updates the same event. */
  uid: string;
  /** When the file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description?: string;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Counts the changes a calendar must apply over a copy it holds (a cancellation, say). */
  sequence?: number;
  lastModified?: Date;
}

/** What a subscribed calendar shows and how often it should fetch the feed again. */
export interface CalendarInfo {
  name: string;
  refreshMinutes: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A DATE-TIME in UTC ("form #2"): 20261127T010000Z. */
export function icsDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (RFC 5545 §3.1); a continuation line
 * starts with one space, which counts towards its 75. Splits fall between characters, never inside one.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** The whole calendar file of one event, ending with CRLF. */
export function calendarFile(event: CalendarEvent): string {
  return calendar([], [event]);
}

/** A feed: every event in one calendar, which subscribing applications name and refresh as it says. */
export function calendarFeed(events: CalendarEvent[], info: CalendarInfo): string {
  const refresh = `PT${info.refreshMinutes}M`;
  return calendar(
    [
      `NAME:${escapeIcsText(info.name)}`,
      `X-WR-CALNAME:${escapeIcsText(info.name)}`,
      `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
      `X-PUBLISHED-TTL:${refresh}`,
    ],
    events,
  );
}

function calendar(properties: string[], events: CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Custos//Lawyer meetings//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...properties,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    ...(event.lastModified ? [`LAST-MODIFIED:${icsDateTime(event.lastModified)}`] : []),
    'END:VEVENT',
  ];
}
