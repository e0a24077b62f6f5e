import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import {
  base64ByteLength,
  LICENCE_PHOTO_MAX_BYTES,
  LICENCE_PHOTO_MESSAGES,
  licencePhotoSchema,
  sniffLicencePhotoType,
} from './licence-photo.js';

const b64 = (bytes: number[] | Buffer) => Buffer.from(bytes).toString('base64');

describe('licence photo', () => {
  it('reads the type from the first bytes', () => {
    expect(sniffLicencePhotoType([0xff, 0xd8, 0xff, 0xe0])).toBe('image/jpeg');
    expect(sniffLicencePhotoType([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).toBe('image/png');
    expect(sniffLicencePhotoType(Buffer.from('%PDF-1.4'))).toBe('application/pdf');
    expect(sniffLicencePhotoType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffLicencePhotoType(Buffer.from('<svg xmlns='))).toBeUndefined();
    expect(sniffLicencePhotoType([0xff, 0xd8])).toBeUndefined();
  });

  it('computes the decoded size of base64 without decoding it', () => {
    for (const n of [1, 2, 3, 4, 5, 100]) expect(base64ByteLength(b64(Buffer.alloc(n)))).toBe(n);
  });

  it('accepts JPEG, PNG and PDF up to 5 MB and names what is wrong otherwise', () => {
    const reason = (value: string) => {
      const result = licencePhotoSchema.safeParse(value);
      return result.success ? 'ok' : result.error.issues[0]!.message;
    };
    expect(reason(b64([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toBe('ok');
    expect(reason(b64(Buffer.from('%PDF-1.7 rest')))).toBe('ok');
    expect(reason(b64(Buffer.from('hello world')))).toBe(LICENCE_PHOTO_MESSAGES.type);
    expect(reason('')).toBe(LICENCE_PHOTO_MESSAGES.empty);
    expect(reason('abc')).toBe(LICENCE_PHOTO_MESSAGES.encoding);
    expect(reason('ab$d')).toBe(LICENCE_PHOTO_MESSAGES.encoding);
    const atLimit = Buffer.alloc(LICENCE_PHOTO_MAX_BYTES);
    atLimit.set([0xff, 0xd8, 0xff]);
    expect(reason(atLimit.toString('base64'))).toBe('ok');
    expect(reason(Buffer.concat([atLimit, Buffer.alloc(1)]).toString('base64'))).toBe(
      LICENCE_PHOTO_MESSAGES.size,
    );
  });

  it('has every message in Chinese', () => {
    for (const message of Object.values(LICENCE_PHOTO_MESSAGES)) {
      const localised = localiseIssue({
        code: 'custom',
        path: ['licencePhoto'],
        message,
        input: '',
      } as never);
      expect(localised.message['zh-CN'], message).not.toBe(message);
      expect(localised.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
