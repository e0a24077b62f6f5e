import { describe, expect, it } from 'vitest';
import type { YearDataInput } from './business-calendar.js';
import { CalendarProvider, type StoredYears } from './calendar-provider.js';
import { parseLocalDate as d } from './local-date.js';

// A fictional year for the mechanics only: not official data.
const year2027 = (extraDayOff?: string): YearDataInput => ({
  year: 2027,
  daysOff: [
    ...['01-01', '05-01', '10-01', '10-02', '10-03'].map((md) => ({ date: `2027-${md}`, name: '节日' })),
    ...(extraDayOff ? [{ date: extraDayOff, name: '测试' }] : []),
  ],
  workdays: [],
});

/** The store as another node would change it: in memory, counting how often it is asked. */
class MemoryStore implements StoredYears {
  years: YearDataInput[] = [];
  versionCalls = 0;
  loadCalls = 0;
  /** When set, load() waits for it: lets a test finish two loads in the order it chooses. */
  gate: Promise<void> | undefined;
  private revision = 0;

  put(year: YearDataInput): void {
    this.years = [...this.years.filter((y) => y.year !== year.year), year];
    this.revision += 1;
  }

  async version(): Promise<string> {
    this.versionCalls += 1;
    return String(this.revision);
  }

  async load(): Promise<{ version: string; years: YearDataInput[] }> {
    this.loadCalls += 1;
    const snapshot = { version: String(this.revision), years: [...this.years] };
    if (this.gate) await this.gate;
    return snapshot;
  }
}

describe('CalendarProvider', () => {
  it('starts with the built-in years and those already stored', async () => {
    const store = new MemoryStore();
    store.put(year2027());
    const provider = await CalendarProvider.start(store);
    const calendar = await provider.current();
    expect(calendar.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(calendar.isWorkingDay(d('2027-01-01'))).toBe(false);
  });

  it('picks up a year another node stored at the next request, and only rebuilds on a change', async () => {
    const store = new MemoryStore();
    const provider = await CalendarProvider.start(store);
    const before = await provider.current();
    expect(before.coversYear(2027)).toBe(false);
    expect(await provider.current()).toBe(before);
    expect(store.loadCalls).toBe(1);

    store.put(year2027());
    const after = await provider.current();
    expect(after.coversYear(2027)).toBe(true);
    expect(store.loadCalls).toBe(2);
    // The calendar a request already held is untouched by the swap.
    expect(before.coversYear(2027)).toBe(false);
    expect(await provider.current()).toBe(after);
  });

  it('sees a replaced year, not only a new one', async () => {
    const store = new MemoryStore();
    store.put(year2027());
    const provider = await CalendarProvider.start(store);
    expect((await provider.current()).isWorkingDay(d('2027-03-01'))).toBe(true);
    store.put(year2027('2027-03-01'));
    expect((await provider.current()).describeDay(d('2027-03-01'))).toEqual({
      kind: 'day_off',
      name: '测试',
    });
  });

  it('lets concurrent callers share one check of the store', async () => {
    const store = new MemoryStore();
    const provider = await CalendarProvider.start(store);
    store.put(year2027());
    const calendars = await Promise.all([provider.current(), provider.current(), provider.current()]);
    expect(store.versionCalls).toBe(1);
    expect(store.loadCalls).toBe(2);
    expect(new Set(calendars).size).toBe(1);
    // Once settled, the next caller asks again.
    await provider.current();
    expect(store.versionCalls).toBe(2);
  });

  it('rebuilds on refresh even when the fingerprint has not moved', async () => {
    const store = new MemoryStore();
    const provider = await CalendarProvider.start(store);
    const first = await provider.current();
    const refreshed = await provider.refresh();
    expect(refreshed).not.toBe(first);
    expect(await provider.current()).toBe(refreshed);
  });

  it('never lets a slow, older load replace a newer calendar', async () => {
    const store = new MemoryStore();
    const provider = await CalendarProvider.start(store);
    let release!: () => void;
    store.gate = new Promise((resolve) => (release = resolve));
    const older = provider.refresh();
    store.gate = undefined;
    store.put(year2027());
    const newer = await provider.refresh();
    expect(newer.coversYear(2027)).toBe(true);
    release();
    // The older load finishes last and reads the store as it was: the newer calendar stays.
    expect(await older).toBe(newer);
    expect(provider.latest()).toBe(newer);
  });

  it('refuses to start on a stored year that fails validation', async () => {
    const store = new MemoryStore();
    store.put({ ...year2027(), daysOff: [] });
    await expect(CalendarProvider.start(store)).rejects.toThrow();
  });
});
