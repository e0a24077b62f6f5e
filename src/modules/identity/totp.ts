// Time-based one-time passwords (RFC 6238, SHA-1, 6 digits, 30 s): what every authenticator app speaks.
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_S = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string, issuer: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function otpauthUri(secret: string, label: string, issuer: string): string {
  return totp(secret, label, issuer).toString();
}

export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/**
 * Checks a code allowing one step of clock drift either way. Returns the time step it matched, so the
 * caller can refuse the same code twice, or null.
 */
export function matchTotp(secret: string, code: string, at: Date): number | null {
  const delta = totp(secret, 'x', 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD_S) + delta;
}

/** The current code, for tests and the demo's walkthrough. */
export function currentTotp(secret: string, at: Date): string {
  return totp(secret, 'x', 'x').generate({ timestamp: at.getTime() });
}
