// Playing a sealed recording's working copy in the browser (never the master, seed 001 art. 18). Opening the
// player is a view: an audit event naming the viewer, and a grant, signed with the instance key, that lets
// that signed-in user fetch the working copy's bytes by range for a few hours. The many range requests a
// video element makes are one view, not hundreds of audit events; a grant cannot be used by anyone else.
// A recording browsers cannot play is served as its playback derivative (derivative-maker.ts) instead; the
// view's audit event and its grant name the file served and its hash, so what was watched is on record.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EvidenceStores } from '../../platform/blobs/evidence-stores.js';
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { forbidden, msg } from '../../platform/http/errors.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { CaseService } from '../cases/case-service.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { parseRange } from './byte-range.js';
import { notPlayable, recordingNotFound } from './errors.js';
import type { DerivativeRow, RecordingRepository, RecordingRow } from './repository.js';
import { storeKeyOf } from './store-key.js';

const VIEW_HOURS = 4;
const GRANT_PURPOSE = 'recording-view-grant';
/** What a browser may be told a working copy is; anything else is served as bytes. */
const PLAYABLE = /^(video|audio)\/[a-z0-9.+-]+$/;

export interface ViewGrant {
  viewId: number;
  mediaUrl: string;
  viewer: string;
  expiresAt: string;
  served: { copy: 'working' | 'derivative'; sha256: string; derivedFromSha256: string | null };
}

export interface MediaAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

const badGrant = () =>
  forbidden(
    'recording.view_expired',
    msg('播放授权已失效，请重新打开播放器。', 'This viewing has ended; open the player again.'),
  );

export class PlaybackService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly repo: RecordingRepository,
    private readonly cases: CaseService,
    private readonly stores: EvidenceStores,
    private readonly secrets: SecretBox,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  /** Opens a view: checks the actor may read the case, records the view, returns the grant. */
  async startView(actor: Actor, recordingId: string, ctx: RequestContext): Promise<ViewGrant> {
    const row = await this.sealed(actor, recordingId);
    const derivative = await this.playbackDerivative(recordingId);
    const unitId = await this.cases.handlingUnitOf(row.caseId);
    const expiresAt = new Date(this.clock.now().getTime() + VIEW_HOURS * 3_600_000);
    const viewId = await this.tx.run((tx) =>
      this.audit.record(
        tx,
        { actor: { userId: actor.userId, username: actor.username }, ...ctx },
        {
          action: 'recording.viewed',
          subject: { type: 'recording', id: recordingId },
          unitId,
          payload: {
            caseId: row.caseId,
            ...(derivative
              ? {
                  copy: 'derivative',
                  sha256: derivative.sha256,
                  derivativeId: derivative.id,
                  derivedFromSha256: derivative.derivedFromSha256,
                }
              : { copy: 'working', sha256: row.sha256 }),
            viewer: actor.displayName,
            expiresAt: expiresAt.toISOString(),
          },
        },
      ),
    );
    const grant = this.sign({
      r: recordingId,
      u: actor.userId,
      v: viewId,
      e: expiresAt.getTime(),
      d: derivative?.id ?? null,
    });
    return {
      viewId,
      mediaUrl: `/api/recordings/${recordingId}/media?view=${encodeURIComponent(grant)}`,
      viewer: actor.displayName,
      expiresAt: expiresAt.toISOString(),
      served: derivative
        ? { copy: 'derivative', sha256: derivative.sha256, derivedFromSha256: derivative.derivedFromSha256 }
        : { copy: 'working', sha256: row.sha256 ?? row.declaredSha256, derivedFromSha256: null },
    };
  }

  /** The bytes of the file the grant names (working copy or derivative), whole or by range, for its holder. */
  async media(
    actor: Actor,
    recordingId: string,
    grant: string,
    range: string | undefined,
  ): Promise<MediaAnswer> {
    const claims = this.verify(grant);
    if (
      !claims ||
      claims.r !== recordingId ||
      claims.u !== actor.userId ||
      claims.e <= this.clock.now().getTime()
    ) {
      throw badGrant();
    }
    // Reach is checked again: a grant outlives a change of the viewer's roles by at most its few hours.
    const row = await this.sealed(actor, recordingId);
    // The file served is the one the view's audit event named, even if a derivative was made since.
    const derivative = claims.d ? await this.playbackDerivative(recordingId) : undefined;
    if (claims.d && derivative?.id !== claims.d) throw badGrant();
    const key = derivative ? derivative.storeKey : storeKeyOf(row.id);
    const size = derivative ? derivative.byteSize : row.byteSize;
    const type = derivative
      ? 'video/mp4'
      : PLAYABLE.test(row.contentType)
        ? row.contentType
        : 'application/octet-stream';
    const base = { 'accept-ranges': 'bytes', 'content-type': type };
    const answer = parseRange(range, size);
    if (answer.kind === 'unsatisfiable') {
      return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: null };
    }
    if (answer.kind === 'whole') {
      return {
        status: 200,
        headers: { ...base, 'content-length': String(size) },
        body: await this.stores.working.read(key),
      };
    }
    return {
      status: 206,
      headers: {
        ...base,
        'content-length': String(answer.end - answer.start + 1),
        'content-range': `bytes ${answer.start}-${answer.end}/${size}`,
      },
      body: await this.stores.working.read(key, { start: answer.start, end: answer.end }),
    };
  }

  private async playbackDerivative(recordingId: string): Promise<DerivativeRow | undefined> {
    return (await this.repo.derivatives(this.db, [recordingId])).find((d) => d.kind === 'playback');
  }

  private async sealed(actor: Actor, recordingId: string): Promise<RecordingRow> {
    const row = await this.repo.byId(this.db, recordingId);
    if (!row) throw recordingNotFound();
    await this.cases.readable(actor, row.caseId);
    if (row.state !== 'sealed') throw notPlayable();
    return row;
  }

  private sign(claims: GrantClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.secrets.keyedHash(GRANT_PURPOSE, body)}`;
  }

  private verify(grant: string): GrantClaims | undefined {
    const [body, mac] = grant.split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.secrets.keyedHash(GRANT_PURPOSE, body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as GrantClaims;
    } catch {
      return undefined;
    }
  }
}

interface GrantClaims {
  r: string;
  u: string;
  v: number;
  e: number;
  /** The derivative served instead of the working copy, if any. */
  d?: string | null;
}
