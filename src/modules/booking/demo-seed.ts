// The demo centre's booking set-up, so a person trying Custos can book at once: Pudong's pattern of five
// sessions a weekday with twelve online places each (seed 003), walk-in places kept back, and three clients
// on the roster whose names and ID numbers are listed in the demo credentials file.
import type { Transactions } from '../../platform/db/transactions.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-recorder.js';
import { checkCharacter } from '../lawyers/id-number.js';
import type { BookingRepository } from './repository.js';
import type { RosterService } from './roster-service.js';

const SESSIONS = [
  { startTime: '08:30', endTime: '10:00', durations: [45, 60, 90] },
  { startTime: '10:00', endTime: '11:30', durations: [45, 60, 90] },
  { startTime: '13:30', endTime: '15:00', durations: [45, 60, 90] },
  { startTime: '15:00', endTime: '16:30', durations: [45, 60, 90] },
  { startTime: '16:30', endTime: '17:30', durations: [45, 60] },
];

/** Made-up people; their ID numbers are well-formed but belong to no one (serials 9xx). */
const CLIENTS = [
  { name: '张伟', body: '13010219850312901', restrictedCase: false },
  { name: '李娜', body: '13010219900728902', restrictedCase: false },
  { name: '王强', body: '13010219780105903', restrictedCase: false },
  // A restricted case (CPL 39 ¶3), so the demo shows the permission decision and the staff's confirmation.
  { name: '赵敏', body: '13010219920214904', restrictedCase: true },
];

export interface DemoClient {
  name: string;
  idNo: string;
  restrictedCase: boolean;
}

export async function seedBookingDemo(
  deps: { tx: Transactions; repo: BookingRepository; roster: RosterService; audit: AuditRecorder },
  centreUnitId: string,
  context: AuditContext,
): Promise<DemoClient[]> {
  return deps.tx.run(async (tx) => {
    for (const weekday of [1, 2, 3, 4, 5]) {
      for (const s of SESSIONS) {
        const template = await deps.repo.insertTemplate(tx, {
          unitId: centreUnitId,
          weekday,
          ...s,
          channel: 'in_person',
          onlinePlaces: 12,
          walkInPlaces: 3,
        });
        await deps.audit.record(tx, context, {
          action: 'booking.template_added',
          subject: { type: 'session_template', id: template.id },
          unitId: centreUnitId,
          payload: { weekday, ...s, onlinePlaces: 12, walkInPlaces: 3 },
        });
      }
    }
    const clients = CLIENTS.map((c) => ({
      name: c.name,
      idNo: c.body + checkCharacter(c.body),
      restrictedCase: c.restrictedCase,
    }));
    for (const c of clients) await deps.roster.enrol(tx, centreUnitId, c, context);
    return clients;
  });
}
