// <input type="datetime-local"> values read and written as Beijing wall-clock time, whatever zone the
// desk's browser is set to: the legal time of every record is Beijing time.
const OFFSET_MS = 8 * 3_600_000;

/** "2026-11-26T09:30" for an instant. */
export function toBeijingInput(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant of a Beijing wall-clock "YYYY-MM-DDTHH:mm", as ISO with its +08:00 offset. */
export function fromBeijingInput(value: string): string {
  return `${value}:00+08:00`;
}

export function nowAsBeijingInput(now: number = Date.now()): string {
  return toBeijingInput(new Date(now).toISOString());
}
