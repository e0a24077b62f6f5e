import { describe, expect, it } from 'vitest';
import { createHasher, fromBase64, fromHex, sha256, sm3, toBase64, toHex } from './hash.js';

describe('hash', () => {
  // GB/T 32905-2016 Appendix A, examples 1 and 2.
  it('computes the published SM3 answers', () => {
    expect(toHex(sm3('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(toHex(sm3('abcd'.repeat(16)))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('computes SHA-256 of the empty string (the RFC 9162 empty tree hash)', () => {
    expect(toHex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('streams to the same digest as one-shot hashing', () => {
    for (const algorithm of ['sha256', 'sm3'] as const) {
      const streamed = createHasher(algorithm)
        .update('ab')
        .update(new Uint8Array([0x63]))
        .digest();
      expect(streamed).toEqual(algorithm === 'sha256' ? sha256('abc') : sm3('abc'));
    }
  });

  it('round-trips hex and base64 and refuses sloppy spellings', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(fromHex(toHex(bytes))).toEqual(bytes);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(() => fromHex('0g')).toThrow(SyntaxError);
    expect(() => fromHex('abc')).toThrow(SyntaxError);
    expect(() => fromBase64('AAH+/w')).toThrow(SyntaxError); // missing padding
    expect(() => fromBase64('AAH+/x==')).toThrow(SyntaxError); // not canonical
    expect(() => fromBase64('AA H+')).toThrow(SyntaxError);
    expect(() => fromBase64('AAH-_w==')).toThrow(SyntaxError); // base64url alphabet
  });
});
