// One centre's day of 60 online places, laid out as Pudong's: five one-hour sessions of 12 places each,
// every weekday (weekends too, so a make-up working Saturday has its sessions as well). The days are found
// the way a lawyer finds them, through the availability service, which also creates the dated sessions.
import type { Custos } from '../../src/composition.js';
import type { Actor } from '../../src/modules/identity/actor.js';
import { benchContext } from './people.js';

export const SESSIONS_PER_DAY = 5;
export const PLACES_PER_SESSION = 12;
export const PLACES_PER_DAY = SESSIONS_PER_DAY * PLACES_PER_SESSION;
export const DURATION_MINUTES = 45;

const SLOTS: [string, string][] = [
  ['09:00', '10:00'],
  ['10:00', '11:00'],
  ['11:00', '12:00'],
  ['14:00', '15:00'],
  ['15:00', '16:00'],
];

export async function addPudongTemplates(custos: Custos, staff: Actor, unitId: string): Promise<void> {
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const [startTime, endTime] of SLOTS) {
      await custos.services.centres.addTemplate(
        staff,
        unitId,
        {
          weekday,
          startTime,
          endTime,
          channel: 'in_person',
          onlinePlaces: PLACES_PER_SESSION,
          walkInPlaces: 3,
          durations: [30, DURATION_MINUTES, 60],
          roomId: null,
        },
        benchContext,
      );
    }
  }
}

export interface BookableDay {
  date: string;
  sessionIds: string[];
}

/** Bookable days whose five sessions are all still ahead (past the notice) and untouched: 60 places free. */
export async function fullDays(custos: Custos, unitId: string): Promise<BookableDay[]> {
  const { days } = await custos.services.availability.forCentre(unitId);
  return days
    .filter((d) => d.sessions.length === SESSIONS_PER_DAY && d.remaining === PLACES_PER_DAY)
    .map((d) => ({ date: d.date, sessionIds: d.sessions.map((s) => s.id) }));
}
