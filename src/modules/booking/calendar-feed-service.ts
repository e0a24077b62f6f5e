// A lawyer's private calendar feed: one secret URL per lawyer that a phone or desktop calendar subscribes
// to, listing the lawyer's meetings as they stand (confirmed; awaiting a permission as tentative; cancelled
// ones for a while, so subscribed calendars remove them). The URL is shown once, when made: only the
// token's hash is kept. Making a new one replaces the old, whose URL stops working at once; both, and
// revoking, are audited. Fetching the feed needs no session (calendar applications have none), so the
// token is the only key, and a token that matches nothing gets the same 404 as one never issued.
import type { Clock } from '../../platform/clock.js';
import { sha256, toHex } from '../../platform/crypto/hash.js';
import type { Db } from '../../platform/db/database.js';
import type { Transactions } from '../../platform/db/transactions.js';
import { msg, notFound } from '../../platform/http/errors.js';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Actor, RequestContext } from '../identity/actor.js';
import { requireRole } from '../identity/policy.js';
import type { CalendarFeedRepository } from './calendar-feed-repository.js';
import type { CalendarFeedIssued, CalendarFeedView } from './calendar-feed-schemas.js';
import { feedTokenHash, feedUrl, isFeedToken, newFeedToken } from './calendar-feed-token.js';
import { context } from './centre-config-service.js';
import { calendarFeed, type CalendarEvent } from './ics.js';
import { meetingEvent } from './meeting-event.js';
import type { CentreNames, NoticeDirectory } from './notice-directory.js';

/** What a feed lists: meetings and cancellations; holds and lapsed holds never were meetings. */
const FEED_STATUSES = [
  'confirmed',
  'awaiting_permission',
  'attended',
  'no_show',
  'cancelled',
  'cancelled_late',
  'cancelled_by_centre',
] as const;
/** Past meetings stay this long; a cancellation stays this long after it was made. */
const FEED_HISTORY_DAYS = 30;
/** Far more than a lawyer books in the window; bounds the answer whatever happens. */
const FEED_MAX_EVENTS = 1000;
/** How often subscribed calendars are asked to fetch again. */
export const FEED_REFRESH_MINUTES = 60;

const FEED_NAME = { 'zh-CN': 'Custos 律师会见', en: 'Custos lawyer meetings' } as const;

export const calendarFeedNotFound = () =>
  notFound('calendar_feed.not_found', msg('没有这个日历订阅地址。', 'No such calendar feed.'));

export interface FeedDocument {
  body: string;
  /** A strong validator of the body: the same bookings give the same bytes. */
  etag: string;
}

export class CalendarFeedService {
  constructor(
    private readonly db: Db,
    private readonly tx: Transactions,
    private readonly feeds: CalendarFeedRepository,
    private readonly directory: NoticeDirectory,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async status(actor: Actor): Promise<CalendarFeedView> {
    requireRole(actor, 'lawyer');
    const feed = await this.feeds.feedOf(this.db, actor.userId);
    return { active: feed !== undefined, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** Makes the lawyer's feed URL, replacing any earlier one. `baseUrl` is where people reach Custos. */
  async issue(actor: Actor, baseUrl: string, ctx: RequestContext): Promise<CalendarFeedIssued> {
    requireRole(actor, 'lawyer');
    const token = newFeedToken();
    const createdAt = this.clock.now();
    const replaced = await this.tx.run(async (tx) => {
      const previous = await this.feeds.feedOf(tx, actor.userId, true);
      await this.feeds.saveFeed(tx, { userId: actor.userId, tokenHash: feedTokenHash(token), createdAt });
      await this.audit.record(tx, context(actor, ctx), {
        action: previous ? 'calendar_feed.replaced' : 'calendar_feed.created',
        subject: { type: 'user', id: actor.userId },
        unitId: actor.unit.id,
        payload: previous ? { previousCreatedAt: previous.createdAt.toISOString() } : {},
      });
      return previous !== undefined;
    });
    return { url: feedUrl(baseUrl, token), createdAt: createdAt.toISOString(), replaced };
  }

  /** Ends the lawyer's feed, if there is one: its URL stops working. */
  async revoke(actor: Actor, ctx: RequestContext): Promise<void> {
    requireRole(actor, 'lawyer');
    await this.tx.run(async (tx) => {
      if (!(await this.feeds.deleteFeed(tx, actor.userId))) return;
      await this.audit.record(tx, context(actor, ctx), {
        action: 'calendar_feed.revoked',
        subject: { type: 'user', id: actor.userId },
        unitId: actor.unit.id,
      });
    });
  }

  /** The feed behind a token, for anyone holding the URL; 404 for anything else, saying nothing more. */
  async feed(token: string): Promise<FeedDocument> {
    if (!isFeedToken(token)) throw calendarFeedNotFound();
    const feed = await this.feeds.feedByTokenHash(this.db, feedTokenHash(token));
    if (!feed || !(await this.directory.isActiveLawyer(this.db, feed.userId))) throw calendarFeedNotFound();
    const locale = (await this.directory.lawyerContact(this.db, feed.userId))?.locale ?? 'zh-CN';
    const since = new Date(this.clock.now().getTime() - FEED_HISTORY_DAYS * 86_400_000);
    const bookings = await this.feeds.bookingsForFeed(
      this.db,
      feed.userId,
      FEED_STATUSES,
      since,
      FEED_MAX_EVENTS,
    );
    const centres = new Map<string, CentreNames | undefined>();
    for (const unitId of new Set(bookings.map((b) => b.unitId))) {
      centres.set(unitId, await this.directory.centreNames(this.db, unitId));
    }
    const events = bookings
      .map((b) => meetingEvent(b, centres.get(b.unitId), locale))
      .filter((e): e is CalendarEvent => e !== undefined);
    const body = calendarFeed(events, { name: FEED_NAME[locale], refreshMinutes: FEED_REFRESH_MINUTES });
    return { body, etag: `"${toHex(sha256(body)).slice(0, 32)}"` };
  }
}
