// ID numbers as staff lists show them: the first six characters (the region code of GB/T 2260, which tells
// staff where a person is registered) and the last four, the rest starred: 110105********1234. Lists are
// built from those stored parts alone, so the whole number is never unsealed to show a list.

const ID_NO_LENGTH = 18;
export const ID_NO_HEAD_LENGTH = 6;
export const ID_NO_TAIL_LENGTH = 4;

/** The parts of an ID number a roster keeps in the clear for lists. */
export function idNoParts(idNo: string): { idNoHead: string; idNoTail: string } {
  const value = idNo.trim().toUpperCase();
  return { idNoHead: value.slice(0, ID_NO_HEAD_LENGTH), idNoTail: value.slice(-ID_NO_TAIL_LENGTH) };
}

/**
 * 110105********1234 from the stored head and tail. A row whose head is not filled in yet (enrolled before
 * heads were kept, until the start-up backfill reaches it) shows stars in its place: never more, never a
 * guess.
 */
export function maskedIdNo(head: string, tail: string): string {
  const shownHead = head.length === ID_NO_HEAD_LENGTH ? head : '';
  return shownHead + '*'.repeat(ID_NO_LENGTH - shownHead.length - tail.length) + tail;
}
