// The whole demo, for `npm start` and `custos seed` on an empty database: the organisation and one user per
// role, then the demo centre's booking set-up. Returns the credentials file's text, or null if not empty.
import type { Custos } from './composition.js';
import { seedBookingDemo } from './modules/booking/demo-seed.js';
import { formatCredentials, seedDemo, DEMO_CENTRE_CODE } from './modules/identity/demo-seed.js';

export async function seedDemoData(custos: Custos): Promise<string | null> {
  const credentials = await seedDemo({
    tx: custos.tx,
    repo: custos.repositories.identity,
    users: custos.services.users,
    audit: custos.services.audit,
  });
  if (!credentials) return null;
  const centre = await custos.services.org.unitByCode(DEMO_CENTRE_CODE);
  const clients = centre
    ? await seedBookingDemo(
        {
          tx: custos.tx,
          repo: custos.repositories.booking,
          roster: custos.services.roster,
          audit: custos.services.audit,
        },
        centre.id,
        { actor: { userId: null, username: 'system:demo-seed' } },
      )
    : [];
  const clientLines = [
    '# Clients on the demo centre’s roster (book a meeting with one as demo-lawyer) / 演示看守所在押人员：',
    ...clients.map(
      (c) =>
        `client               ${c.name.padEnd(16)} ${c.idNo}${c.restrictedCase ? '  restricted case / 需许可' : ''}`,
    ),
    '',
  ];
  return formatCredentials(credentials, custos.settings.http.publicUrl) + clientLines.join('\n');
}
