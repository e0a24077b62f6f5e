// Tree sizes and indices are JS numbers up to 2^53 - 1. The bitwise operators truncate to 32 bits, so the
// arithmetic here uses division and powers of two, which are exact for safe integers.

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`);
  }
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertRange(lo: number, hi: number): void {
  assertCount('lo', lo);
  assertCount('hi', hi);
  if (lo > hi) throw new RangeError(`range [${lo}, ${hi}) is reversed`);
}

/** floor(log2(x)) for x >= 1, corrected for Math.log2 rounding near powers of two. */
export function floorLog2(x: number): number {
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e -= 1;
  else if (2 ** (e + 1) <= x) e += 1;
  return e;
}

export function isPowerOfTwo(x: number): boolean {
  return x >= 1 && 2 ** floorLog2(x) === x;
}

/** RFC 9162 §2.1.1: k, the largest power of two smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  return 2 ** floorLog2(n - 1);
}

export function half(x: number): number {
  return Math.floor(x / 2);
}

export function isOdd(x: number): boolean {
  return x % 2 === 1;
}
