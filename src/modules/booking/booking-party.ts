// Who a booking is for, settled once per request: the signed-in lawyer themself, or the principal lawyer
// whose confirmed assistant is entering it (DOMAIN.md: a lawyer "or their assistant, linked to the
// lawyer"). The principal is the lawyer of the meeting: booked_by, the booking_lawyer row the overlap rule
// checks, the standing, the fairness cap and the idempotency keys are theirs. The assistant is only
// entered_by, and the audit log names both.
import type { Actor } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { BookingRow } from './repository.js';

export interface BookingParty {
  /** Who is signed in and acting: the lawyer, or the assistant. */
  actor: Actor;
  /** The lawyer the booking is for. */
  lawyerUserId: string;
  /** The assistant entering it for the lawyer; null when the lawyer acts themself. */
  enteredBy: string | null;
}

/** The lawyers module's answer to "is this actor a confirmed assistant of that lawyer?". */
export interface AssistantLinks {
  /** The principal's id, or lawyer.not_your_assistant (403) without a confirmed, unended link. */
  requirePrincipal(actor: Actor, principalUserId: string): Promise<string>;
}

export class BookingParties {
  constructor(private readonly assistants: AssistantLinks) {}

  /**
   * The party for a request that may name a principal (onBehalfOf). Read before any transaction opens:
   * the link is asked on every request, so a link ended a moment ago stops the assistant at once.
   */
  async resolve(actor: Actor, onBehalfOf: string | undefined): Promise<BookingParty> {
    requireRole(actor, 'lawyer');
    if (onBehalfOf === undefined || onBehalfOf === actor.userId) {
      return { actor, lawyerUserId: actor.userId, enteredBy: null };
    }
    const principal = await this.assistants.requirePrincipal(actor, onBehalfOf);
    return { actor, lawyerUserId: principal, enteredBy: actor.userId };
  }
}

/**
 * Whether the party may complete or cancel this booking. The lawyer may act on any booking of theirs (and a
 * co-counsel may cancel); an assistant only on the bookings they entered for their principal.
 */
export function mayActOn(
  party: BookingParty,
  booking: Pick<BookingRow, 'bookedBy' | 'enteredBy'>,
  meetingLawyerIds: readonly string[] = [],
): boolean {
  if (party.enteredBy !== null) {
    return booking.bookedBy === party.lawyerUserId && booking.enteredBy === party.enteredBy;
  }
  return booking.bookedBy === party.lawyerUserId || meetingLawyerIds.includes(party.lawyerUserId);
}

/** What the audit payload adds when an assistant acts: the actor is the assistant, this names the lawyer. */
export function onBehalfFields(party: BookingParty): Record<string, string> {
  return party.enteredBy === null ? {} : { bookedBy: party.lawyerUserId, enteredBy: party.enteredBy };
}
