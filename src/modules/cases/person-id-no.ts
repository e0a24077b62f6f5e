// How a person's ID number is kept: sealed (AES-256-GCM), with a keyed hash to find the same person twice in a
// case, and the first six and last four characters for masked lists (110105********1234).
import type { SecretBox } from '../../platform/crypto/secret-box.js';

const HASH_PURPOSE = 'case-person-id-no';

export interface StoredIdNo {
  idNoHash: string;
  idNoSealed: string;
  idNoHead: string;
  idNoTail: string;
}

export function storeIdNo(secrets: SecretBox, idNo: string): StoredIdNo {
  const value = idNo.toUpperCase();
  return {
    idNoHash: secrets.keyedHash(HASH_PURPOSE, value),
    idNoSealed: secrets.seal(value),
    idNoHead: value.slice(0, 6),
    idNoTail: value.slice(-4),
  };
}

export function idNoHashOf(secrets: SecretBox, idNo: string): string {
  return secrets.keyedHash(HASH_PURPOSE, idNo.toUpperCase());
}

/** The masked form from the stored head and tail: an 18-character number shows 8 stars. */
export function maskedIdNo(head: string | null, tail: string | null): string | null {
  return head !== null && tail !== null ? `${head}${'*'.repeat(8)}${tail}` : null;
}
