import { describe, expect, it } from 'vitest';
import { localiseIssue } from '../../platform/http/validation-messages.js';
import { factsFromFfprobe } from './media-probe.js';
import { RECORDING_MESSAGES } from './schemas.js';
import { canMove, RECORDING_STATES } from './states.js';
import { storeKeyOf } from './store-key.js';

describe('recording states', () => {
  it('moves only forward: receiving to sealing or an end, sealing to sealed, nothing after', () => {
    const allowed = RECORDING_STATES.flatMap((from) =>
      RECORDING_STATES.filter((to) => canMove(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'receiving>sealing',
        'receiving>rejected',
        'receiving>expired',
        'receiving>terminated',
        'sealing>sealed',
      ].sort(),
    );
  });
});

describe('media facts from ffprobe', () => {
  it('keeps duration, format, creation time and the useful stream fields', () => {
    const facts = factsFromFfprobe(
      JSON.stringify({
        format: {
          duration: '12.345',
          format_name: 'mov,mp4',
          tags: { creation_time: '2026-11-26T01:00:00.000000Z' },
        },
        streams: [
          { index: 0, codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, profile: 'High' },
          { index: 1, codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
        ],
      }),
    );
    expect(facts).toEqual({
      readable: true,
      durationMs: 12345,
      formatName: 'mov,mp4',
      containerCreatedAt: new Date('2026-11-26T01:00:00Z'),
      streams: [
        { index: 0, codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080 },
        { index: 1, codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
      error: null,
    });
  });

  it('leaves out what the file does not say', () => {
    expect(factsFromFfprobe('{"format":{"tags":{"creation_time":"not a date"}}}')).toMatchObject({
      durationMs: null,
      formatName: null,
      containerCreatedAt: null,
      streams: [],
    });
  });
});

describe('store keys', () => {
  it('fans recordings out by the first two characters of their id', () => {
    expect(storeKeyOf('ab12cd34-0000-4000-8000-000000000000')).toBe(
      'recordings/ab/ab12cd34-0000-4000-8000-000000000000',
    );
  });
});

describe('recording field messages', () => {
  it.each(Object.values(RECORDING_MESSAGES))('translates "%s"', (message) => {
    const localised = localiseIssue({ code: 'custom', path: ['x'], message, input: '' } as never);
    expect(localised.message['zh-CN']).not.toBe(message);
  });
});
