// Who is acting: resolved once per request from the session and handed to every service call.
import type { Role, UnitKind } from './roles.js';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: { id: string; kind: UnitKind; path: string };
  /** Path of the region (province, city or district) the unit belongs to: the reach of region-wide roles. */
  regionPath: string;
  sessionId: string;
}

/** Context of the request an act came from, for the audit log. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
}
