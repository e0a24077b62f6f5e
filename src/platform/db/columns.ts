// Column types every module's tables share.
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A point in time, stored with its zone (timestamptz) and read as a Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Raw bytes (hashes, small files). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
