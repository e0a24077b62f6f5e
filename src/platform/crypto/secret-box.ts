// Seals small secrets at rest (TOTP seeds) with AES-256-GCM under the instance key, so a copy of the
// database alone does not give away anyone's second factor.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
    return new SecretBox(key);
  }

  /** CUSTOS_SECRET_KEY if given (hex or base64), else a key file created on first use with mode 0600. */
  static load(configured: string | undefined, keyFile: string): SecretBox {
    if (configured) {
      const key = /^[0-9a-f]{64}$/i.test(configured)
        ? Buffer.from(configured, 'hex')
        : Buffer.from(configured, 'base64');
      if (key.length !== 32)
        throw new Error('CUSTOS_SECRET_KEY must encode 32 bytes (64 hex or 44 base64 characters)');
      return new SecretBox(key);
    }
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('base64') + '\n', {
        mode: 0o600,
        flag: 'wx',
      });
    }
    return SecretBox.fromKey(Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64'));
  }

  seal(plaintext: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64'),
      body.toString('base64'),
      cipher.getAuthTag().toString('base64'),
    ].join('.');
  }

  /**
   * A keyed hash (HMAC-SHA256 under a key derived for this purpose) for finding a secret value by equality
   * without storing it in the clear: without the instance key, the hashes of ID numbers cannot be guessed.
   */
  keyedHash(purpose: string, value: string): string {
    const key = Buffer.from(crypto.hkdfSync('sha256', this.key, Buffer.alloc(0), `custos:${purpose}`, 32));
    return crypto.createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }

  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || !body || !tag) throw new Error('not a sealed secret');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
