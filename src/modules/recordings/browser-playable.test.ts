import { describe, expect, it } from 'vitest';
import { needsPlaybackDerivative } from './browser-playable.js';

const facts = (formatName: string | null, ...codecs: [string, string][]) => ({
  readable: true,
  formatName,
  streams: codecs.map(([codec_type, codec_name], index) => ({ index, codec_type, codec_name })),
});

describe('which recordings need a playable derivative', () => {
  const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
  const mkv = 'matroska,webm';

  it('plays H.264 in MP4 or MOV with AAC, MP3 or no sound, and VP8/VP9/AV1 in WebM with Opus or Vorbis', () => {
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'h264'], ['audio', 'aac']))).toBe(false);
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'h264'], ['audio', 'mp3']))).toBe(false);
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'h264']))).toBe(false);
    expect(needsPlaybackDerivative(facts(mkv, ['video', 'vp9'], ['audio', 'opus']))).toBe(false);
    expect(needsPlaybackDerivative(facts(mkv, ['video', 'vp8'], ['audio', 'vorbis']))).toBe(false);
    expect(needsPlaybackDerivative(facts(mkv, ['video', 'av1']))).toBe(false);
    // Subtitles and data tracks do not decide anything.
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'h264'], ['data', 'bin_data']))).toBe(false);
  });

  it('makes a derivative of other codecs, of good codecs in the wrong container, and of odd sound', () => {
    expect(needsPlaybackDerivative(facts('avi', ['video', 'mpeg4'], ['audio', 'mp3']))).toBe(true);
    expect(needsPlaybackDerivative(facts('avi', ['video', 'h264'], ['audio', 'pcm_s16le']))).toBe(true);
    expect(needsPlaybackDerivative(facts('mpeg', ['video', 'mpeg2video'], ['audio', 'mp2']))).toBe(true);
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'hevc'], ['audio', 'aac']))).toBe(true);
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'h264'], ['audio', 'pcm_s16le']))).toBe(true);
    expect(needsPlaybackDerivative(facts(mkv, ['video', 'h264'], ['audio', 'aac']))).toBe(true);
    expect(needsPlaybackDerivative(facts(mp4, ['video', 'mpeg4']))).toBe(true);
    expect(needsPlaybackDerivative(facts(null, ['video', 'h264']))).toBe(true);
  });

  it('leaves alone what ffprobe could not read, and files with no sound or picture', () => {
    expect(needsPlaybackDerivative({ readable: false, formatName: null, streams: [] })).toBe(false);
    expect(needsPlaybackDerivative(facts('avi', ['data', 'bin_data']))).toBe(false);
  });
});
