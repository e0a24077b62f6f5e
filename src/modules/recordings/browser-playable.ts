// Whether browsers can play a recording as it is, judged from its media facts. Only combinations every current
// browser (Chromium, Firefox, Safari on phones) plays are accepted: MP4/MOV with H.264 video and AAC or MP3
// sound, or WebM with VP8/VP9/AV1 and Opus/Vorbis. Anything else (MPEG-2, MPEG-4 part 2 in AVI, HEVC, PCM
// sound...) gets a playable derivative. A file ffprobe could not read is left alone: ffmpeg cannot read it either.
import type { MediaFacts } from './media-probe.js';

type Facts = Pick<MediaFacts, 'readable' | 'formatName' | 'streams'>;

const FAMILIES = [
  { formats: ['mov', 'mp4', 'm4a'], video: ['h264'], audio: ['aac', 'mp3'] },
  { formats: ['webm', 'matroska'], video: ['vp8', 'vp9', 'av1'], audio: ['opus', 'vorbis'] },
] as const;

/** True when the file needs a playable derivative; false when browsers play it, or nothing could read it. */
export function needsPlaybackDerivative(facts: Facts): boolean {
  if (!facts.readable) return false;
  const streams = facts.streams.filter((s) => s.codec_type === 'video' || s.codec_type === 'audio');
  if (streams.length === 0) return false;
  // ffprobe names a container family as a list ("mov,mp4,m4a,3gp,3g2,mj2"; "matroska,webm").
  const formats = (facts.formatName ?? '').split(',');
  const family = FAMILIES.find((f) => f.formats.some((name) => formats.includes(name)));
  if (!family) return true;
  return !streams.every((s) => {
    const codecs: readonly string[] = s.codec_type === 'video' ? family.video : family.audio;
    return typeof s.codec_name === 'string' && codecs.includes(s.codec_name);
  });
}
