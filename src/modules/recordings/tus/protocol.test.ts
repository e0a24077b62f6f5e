import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../../platform/http/validation-messages.js';
import { encodeMetadata, parseByteCount, parseChecksum, parseMetadata, UPLOAD_MESSAGES } from './protocol.js';

describe('tus headers', () => {
  it('reads byte counts as plain digits only', () => {
    expect(parseByteCount('0')).toBe(0);
    expect(parseByteCount('2147483648')).toBe(2147483648);
    for (const bad of [undefined, '', '-1', '1e3', ' 1', '0x10', '99999999999999999']) {
      expect(parseByteCount(bad)).toBeUndefined();
    }
  });

  it('decodes Upload-Metadata, keys without values included, and round-trips UTF-8', () => {
    const header = encodeMetadata({ filename: '讯问录像 1.mp4', device: 'DSJ-A8 #42' });
    expect(parseMetadata(`${header},flag`)).toEqual({
      filename: '讯问录像 1.mp4',
      device: 'DSJ-A8 #42',
      flag: '',
    });
    expect(parseMetadata(undefined)).toEqual({});
  });

  it('refuses malformed metadata: duplicate keys, bad base64, invalid UTF-8, extra parts', () => {
    expect(parseMetadata('a YQ==,a Yg==')).toBeUndefined();
    expect(parseMetadata('a Y!Q=')).toBeUndefined();
    expect(parseMetadata(`a ${Buffer.from([0xff, 0xfe]).toString('base64')}`)).toBeUndefined();
    expect(parseMetadata('a YQ== extra')).toBeUndefined();
  });

  it('parses Upload-Checksum for sha256 only', () => {
    const digest = Buffer.alloc(32, 7);
    expect(parseChecksum(`sha256 ${digest.toString('base64')}`)).toEqual({ algorithm: 'sha256', digest });
    expect(parseChecksum(`md5 ${Buffer.alloc(16).toString('base64')}`)).toBe('unsupported');
    expect(parseChecksum('sha256')).toBe('malformed');
    expect(parseChecksum(`sha256 ${Buffer.alloc(31).toString('base64')}`)).toBe('malformed');
    expect(parseChecksum(undefined)).toBeUndefined();
  });

  it('has Chinese for every metadata message', () => {
    for (const message of Object.values(UPLOAD_MESSAGES)) {
      const localised = localiseIssue({ code: 'custom', path: ['x'], message, input: '' } as never);
      expect(localised.message['zh-CN']).not.toBe(message);
    }
  });
});
