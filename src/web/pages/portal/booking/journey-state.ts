// The booking journey's answers, step by step, kept in this tab's session storage so a reload or a "change"
// link never loses them (or the held place). Nothing here talks to the server.
import {
  missingRequirements,
  type ClientDocumentKind,
} from '../../../../modules/booking/document-requirements.js';
import { beijingDateOf } from '../../../format/beijing-date.js';

export const STEPS = ['centre', 'date', 'session', 'client', 'documents', 'coCounsel', 'check'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_PATHS: Record<StepName, string> = {
  centre: '/portal/book',
  date: '/portal/book/date',
  session: '/portal/book/session',
  client: '/portal/book/client',
  documents: '/portal/book/documents',
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

/** A document chosen at the documents step, as "check your answers" lists it. */
export interface ChosenDocument {
  id: string;
  kind: ClientDocumentKind;
  fileName: string;
}

/** The documents chosen for one client: another client (or centre) needs its own. */
export interface ChosenDocuments {
  unitId: string;
  client: { name: string; idNo: string };
  items: ChosenDocument[];
}

export interface JourneyAnswers {
  centreId?: string;
  date?: string;
  hold?: HeldPlace;
  client?: { name: string; idNo: string };
  documents?: ChosenDocuments;
  /** null: answered "no co-counsel"; undefined: not answered yet. */
  coCounselUsername?: string | null;
}

/** True when the held place is for the centre and date now chosen. */
export function holdMatches(answers: JourneyAnswers): boolean {
  const { hold } = answers;
  return !!hold && hold.unitId === answers.centreId && beijingDateOf(hold.startsAt) === answers.date;
}

/**
 * True when the documents chosen are for the client and centre now answered and meet the requirements: a
 * changed client (or centre) needs its own documents, and the lawyer is sent back to choose them.
 */
export function documentsMatch(answers: JourneyAnswers): boolean {
  const { documents, client } = answers;
  return (
    !!documents &&
    !!client &&
    documents.unitId === answers.centreId &&
    documents.client.name === client.name &&
    documents.client.idNo === client.idNo &&
    missingRequirements(documents.items.map((d) => d.kind)).length === 0
  );
}

/** The first step still to answer; "check" once everything is answered. */
export function firstUnanswered(answers: JourneyAnswers): StepName {
  if (!answers.centreId) return 'centre';
  if (!answers.date) return 'date';
  if (!holdMatches(answers)) return 'session';
  if (!answers.client) return 'client';
  if (!documentsMatch(answers)) return 'documents';
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
