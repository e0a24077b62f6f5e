// Where a recording's copies live in each store: the same key in all three, fanned out by the id's first two
// characters so no directory grows to millions of entries.
export function storeKeyOf(recordingId: string): string {
  return `recordings/${recordingId.slice(0, 2)}/${recordingId}`;
}
