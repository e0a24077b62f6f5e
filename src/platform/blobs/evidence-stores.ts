// The three store locations of evidence, opened at start. They must be three different places: a backup
// in the master's own directory would be no backup at all.
import path from 'node:path';
import { STORE_LOCATIONS, type BlobStore, type StoreLocation } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

export type EvidenceStores = Record<StoreLocation, BlobStore>;

export async function openLocalEvidenceStores(settings: {
  stores: Record<StoreLocation, string>;
  sm3: boolean;
}): Promise<EvidenceStores> {
  const dirs = STORE_LOCATIONS.map(
    (location) => [location, path.resolve(settings.stores[location])] as const,
  );
  for (const [a, dirA] of dirs) {
    for (const [b, dirB] of dirs) {
      if (a !== b && (dirA === dirB || dirA.startsWith(`${dirB}${path.sep}`))) {
        throw new Error(`the ${a} store (${dirA}) must not be inside the ${b} store (${dirB})`);
      }
    }
  }
  const opened = await Promise.all(
    dirs.map(([location, dir]) => new LocalBlobStore(location, dir, settings.sm3).open()),
  );
  return { master: opened[0]!, working: opened[1]!, backup: opened[2]! };
}
