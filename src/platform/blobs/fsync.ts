// Durability helpers: a rename or link is only on disk once its directory is fsynced.
import fs from 'node:fs/promises';

export async function fsyncPath(path: string): Promise<void> {
  const handle = await fs.open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const fsyncDir = fsyncPath;
