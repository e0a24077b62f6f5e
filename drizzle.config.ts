// drizzle-kit reads every module's tables.ts and writes SQL migrations; triggers and grants that drizzle
// cannot express are added as custom migrations (drizzle-kit generate --custom) in the same folder.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/tables.ts',
  out: './src/platform/db/migrations',
});
