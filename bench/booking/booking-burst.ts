// The race itself: every lawyer tries to book one place of the same 60-place day at once, round-robin over
// its five sessions, in one step (POST /api/bookings, idempotency key per attempt, the lawyer's documents
// for their client filed beforehand). 60 win; the rest must hear booking.session_full. Run over HTTP (the
// whole stack), or straight into BookingService.book (the same service and database work without Fastify,
// cookies and JSON), to show what HTTP itself costs.
import crypto from 'node:crypto';
import type { Custos } from '../../src/composition.js';
import type { HttpClient } from './http-client.js';
import { DURATION_MINUTES, type BookableDay } from './centre-day.js';
import { runConcurrently, type LoadResult } from './load.js';
import { benchContext, type BenchLawyer, type SignedIn } from './people.js';

export interface BurstResult extends LoadResult {
  attempts: number;
  confirmed: number;
  full: number;
  /** Anything else, by status and problem code: each is a bug or a limit worth reading. */
  other: Record<string, number>;
}

function bodyFor(lawyer: BenchLawyer, day: BookableDay, i: number) {
  return {
    sessionId: day.sessionIds[i % day.sessionIds.length]!,
    durationMinutes: DURATION_MINUTES,
    idempotencyKey: crypto.randomUUID(),
    client: lawyer.client,
    documentIds: lawyer.documentIds,
  };
}

function tally() {
  const result = { confirmed: 0, full: 0, other: {} as Record<string, number> };
  const otherwise = (key: string) => {
    result.other[key] = (result.other[key] ?? 0) + 1;
  };
  return { result, otherwise };
}

export async function httpBurst(
  http: HttpClient,
  lawyers: readonly BenchLawyer[],
  sessions: readonly SignedIn[],
  day: BookableDay,
  concurrency: number,
): Promise<BurstResult> {
  const { result, otherwise } = tally();
  const load = await runConcurrently(lawyers, concurrency, async (lawyer, i) => {
    const s = sessions[i]!;
    try {
      const answer = await http.request(
        'POST',
        '/api/bookings',
        { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        bodyFor(lawyer, day, i),
      );
      if (answer.status === 201) result.confirmed++;
      else {
        const code = problemCode(answer.body);
        if (answer.status === 409 && code === 'booking.session_full') result.full++;
        else otherwise(`${answer.status} ${code}`);
      }
    } catch (error) {
      otherwise(`network ${(error as Error).message}`);
    }
  });
  return { ...load, ...result, attempts: lawyers.length };
}

export async function serviceBurst(
  custos: Custos,
  lawyers: readonly BenchLawyer[],
  day: BookableDay,
  concurrency: number,
): Promise<BurstResult> {
  const { result, otherwise } = tally();
  const load = await runConcurrently(lawyers, concurrency, async (lawyer, i) => {
    try {
      await custos.services.bookings.book(lawyer.actor, bodyFor(lawyer, day, i), benchContext);
      result.confirmed++;
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      if (code === 'booking.session_full') result.full++;
      else otherwise(code);
    }
  });
  return { ...load, ...result, attempts: lawyers.length };
}

function problemCode(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? 'no code';
  } catch {
    return 'not json';
  }
}
