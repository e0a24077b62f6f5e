// The booking journey's answers, step by step, kept in this tab's session storage so a reload or a "change"
// link never loses them (or the held place). Nothing here talks to the server.
import { beijingDateOf } from '../../../format/beijing-date.js';

export const STEPS = ['centre', 'date', 'session', 'client', 'coCounsel', 'check'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_PATHS: Record<StepName, string> = {
  centre: '/portal/book',
  date: '/portal/book/date',
  session: '/portal/book/session',
  client: '/portal/book/client',
  coCounsel: '/portal/book/co-counsel',
  check: '/portal/book/check',
};

/** The place held for the lawyer while they finish: a booking in status "held" on the server. */
export interface HeldPlace {
  bookingId: string;
  unitId: string;
  sessionId: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
  /** When the hold lapses, on this device's clock (ms since the epoch). */
  deadline: number;
}

export interface JourneyAnswers {
  centreId?: string;
  date?: string;
  hold?: HeldPlace;
  client?: { name: string; idNo: string };
  /** null: answered "no co-counsel"; undefined: not answered yet. */
  coCounselUsername?: string | null;
}

/** True when the held place is for the centre and date now chosen. */
export function holdMatches(answers: JourneyAnswers): boolean {
  const { hold } = answers;
  return !!hold && hold.unitId === answers.centreId && beijingDateOf(hold.startsAt) === answers.date;
}

/** The first step still to answer; "check" once everything is answered. */
export function firstUnanswered(answers: JourneyAnswers): StepName {
  if (!answers.centreId) return 'centre';
  if (!answers.date) return 'date';
  if (!holdMatches(answers)) return 'session';
  if (!answers.client) return 'client';
  if (answers.coCounselUsername === undefined) return 'coCounsel';
  return 'check';
}

export function stepNumber(step: StepName): number {
  return STEPS.indexOf(step) + 1;
}

export function previousStep(step: StepName): StepName | undefined {
  return STEPS[STEPS.indexOf(step) - 1];
}

export function nextStep(step: StepName): StepName {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

const storageKey = (userId: string) => `custos.booking-journey.${userId}`;

export function loadAnswers(userId: string): JourneyAnswers {
  try {
    const text = sessionStorage.getItem(storageKey(userId));
    return text ? (JSON.parse(text) as JourneyAnswers) : {};
  } catch {
    return {};
  }
}

export function saveAnswers(userId: string, answers: JourneyAnswers): void {
  try {
    sessionStorage.setItem(storageKey(userId), JSON.stringify(answers));
  } catch {
    // Without storage the journey still works; it just does not survive a reload.
  }
}

export function clearAnswers(userId: string): void {
  try {
    sessionStorage.removeItem(storageKey(userId));
  } catch {
    // Nothing was stored.
  }
}

/** A fresh idempotency key: a repeated request with it returns the first one's answer. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
