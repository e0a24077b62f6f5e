import { describe, expect, it } from 'vitest';
import { calendarFeed, calendarFile, escapeIcsText, foldIcsLine, icsDateTime } from './ics.js';

const event = {
  uid: 'booking-0b6f6a2e-0000-4000-8000-000000000001@custos',
  stamp: new Date('2026-11-26T02:00:00.123Z'),
  start: new Date('2026-11-27T01:00:00Z'),
  end: new Date('2026-11-27T02:30:00Z'),
  summary: '律师会见 · 石家庄市长安区看守所',
  location: '石家庄市长安区看守所',
};

describe('iCalendar values', () => {
  it('writes instants in UTC without fractions', () => {
    expect(icsDateTime(new Date('2026-11-27T09:05:07.891+08:00'))).toBe('20261127T010507Z');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'会'.repeat(60)}`;
    const physical = foldIcsLine(line).split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(foldIcsLine(line).replace(/\r\n /g, '')).toBe(line);
    expect(physical.join('')).not.toContain('\uFFFD');
  });

  it('leaves a short line alone', () => {
    expect(foldIcsLine('VERSION:2.0')).toBe('VERSION:2.0');
    const exactly75 = `X:${'a'.repeat(73)}`;
    expect(foldIcsLine(exactly75)).toBe(exactly75);
    expect(foldIcsLine(exactly75 + 'b')).toBe(`${exactly75}\r\n b`);
  });
});

describe('a meeting as a calendar file', () => {
  it('has one VEVENT with the required properties, CRLF line ends and a final CRLF', () => {
    const text = calendarFile({ ...event, description: '请携带执业证, 律师事务所证明', status: 'CONFIRMED' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`UID:${event.uid}`);
    expect(lines).toContain('DTSTAMP:20261126T020000Z');
    expect(lines).toContain('DTSTART:20261127T010000Z');
    expect(lines).toContain('DTEND:20261127T023000Z');
    expect(lines).toContain('SUMMARY:律师会见 · 石家庄市长安区看守所');
    expect(lines).toContain('LOCATION:石家庄市长安区看守所');
    expect(lines).toContain('DESCRIPTION:请携带执业证\\, 律师事务所证明');
    expect(lines).toContain('STATUS:CONFIRMED');
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  });

  it('leaves out the optional properties it was not given', () => {
    const text = calendarFile(event);
    expect(text).not.toContain('DESCRIPTION');
    expect(text).not.toContain('STATUS');
  });
});

describe('a feed of meetings', () => {
  const second = {
    ...event,
    uid: 'booking-0b6f6a2e-0000-4000-8000-000000000002@custos',
    start: new Date('2026-11-30T06:00:00Z'),
    end: new Date('2026-11-30T07:00:00Z'),
    status: 'CANCELLED' as const,
    sequence: 1,
    lastModified: new Date('2026-11-27T03:04:05Z'),
  };
  const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

  it('holds every event in one calendar, named and with a refresh interval for subscribers', () => {
    const text = calendarFeed([event, second], { name: 'Custos 律师会见', refreshMinutes: 60 });
    const lines = unfold(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('NAME:Custos 律师会见');
    expect(lines).toContain('X-WR-CALNAME:Custos 律师会见');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(lines).toContain('X-PUBLISHED-TTL:PT60M');
    // Calendar properties come before the first event.
    expect(lines.indexOf('NAME:Custos 律师会见')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    expect(lines).toContain(`UID:${second.uid}`);
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain('LAST-MODIFIED:20261127T030405Z');
    for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    const lines = unfold(calendarFeed([], { name: 'Custos', refreshMinutes: 15 }));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).not.toContain('BEGIN:VEVENT');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M');
  });

  it('escapes the calendar name like any text', () => {
    expect(unfold(calendarFeed([], { name: 'A, B; C', refreshMinutes: 60 }))).toContain('NAME:A\\, B\\; C');
  });
});
