import { describe, expect, it } from 'vitest';
import { maskIdNo } from '../lawyers/id-number.js';
import { idNoParts, maskedIdNo } from './masked-id-no.js';

const ID_NO = '11010519800101001X';

describe('masked ID numbers for staff lists', () => {
  it('shows the region code and the last four characters, starring the eight between', () => {
    const { idNoHead, idNoTail } = idNoParts(ID_NO);
    expect(idNoHead).toBe('110105');
    expect(idNoTail).toBe('001X');
    expect(maskedIdNo(idNoHead, idNoTail)).toBe('110105********001X');
  });

  it('never shows the date of birth or the sequence number', () => {
    const { idNoHead, idNoTail } = idNoParts(ID_NO);
    const masked = maskedIdNo(idNoHead, idNoTail);
    expect(masked).toHaveLength(18);
    expect(masked.slice(6, 14)).toBe('********');
    expect(masked).not.toContain('19800101');
  });

  it('reads a lower-case check character as upper case', () => {
    expect(idNoParts('11010519800101001x').idNoTail).toBe('001X');
  });

  it('stars the head of a row whose head is not stored yet', () => {
    expect(maskedIdNo('', '001X')).toBe('**************001X');
    // A malformed head is not shown either.
    expect(maskedIdNo('1101', '001X')).toBe('**************001X');
  });

  it('agrees with the mask of a whole number, so the import preview and the lists look alike', () => {
    const { idNoHead, idNoTail } = idNoParts(ID_NO);
    expect(maskedIdNo(idNoHead, idNoTail)).toBe(maskIdNo(ID_NO));
  });
});
