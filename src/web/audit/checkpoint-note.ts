// Reads the body of a C2SP signed note checkpoint: origin, tree size and base64 root hash on the
// first three lines, then a blank line and the signatures.

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: string;
}

export function parseCheckpointNote(note: string): CheckpointBody | null {
  const [origin, size, root] = note.split('\n');
  if (!origin || !size || !root || !/^\d+$/.test(size)) return null;
  return { origin, treeSize: Number(size), rootHash: root };
}
