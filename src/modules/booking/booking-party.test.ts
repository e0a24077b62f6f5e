import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor.js';
import { BookingParties, mayActOn, onBehalfFields, type AssistantLinks } from './booking-party.js';

const actor = (userId: string, roles: Actor['roles'] = ['lawyer']): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  roles,
  unit: { id: 'firm', kind: 'law_firm', path: '/p/c/firm/' },
  regionPath: '/p/c/',
  sessionId: 's',
});

/** The link table as the lawyers module answers it: assistant -> confirmed principal. */
function links(confirmed: Record<string, string>): AssistantLinks & { asked: number } {
  return {
    asked: 0,
    async requirePrincipal(a, principal) {
      this.asked += 1;
      if (confirmed[a.userId] !== principal) throw new Error('lawyer.not_your_assistant');
      return principal;
    },
  };
}

describe('BookingParties', () => {
  it('lets a lawyer act for themself without asking about links', async () => {
    const assistants = links({});
    const parties = new BookingParties(assistants);
    expect(await parties.resolve(actor('wang'), undefined)).toMatchObject({
      lawyerUserId: 'wang',
      enteredBy: null,
    });
    expect(await parties.resolve(actor('wang'), 'wang')).toMatchObject({ enteredBy: null });
    expect(assistants.asked).toBe(0);
  });

  it('makes a confirmed assistant the one who enters, and the principal the one booked for', async () => {
    const parties = new BookingParties(links({ li: 'wang' }));
    expect(await parties.resolve(actor('li'), 'wang')).toMatchObject({
      lawyerUserId: 'wang',
      enteredBy: 'li',
    });
    await expect(parties.resolve(actor('li'), 'zhao')).rejects.toThrow('lawyer.not_your_assistant');
    await expect(parties.resolve(actor('zhao'), 'wang')).rejects.toThrow('lawyer.not_your_assistant');
  });

  it('needs the lawyer role before anything else', async () => {
    const assistants = links({ li: 'wang' });
    await expect(
      new BookingParties(assistants).resolve(actor('li', ['centre_staff']), 'wang'),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(assistants.asked).toBe(0);
  });
});

describe('mayActOn', () => {
  const lawyer = { actor: actor('wang'), lawyerUserId: 'wang', enteredBy: null };
  const assistant = { actor: actor('li'), lawyerUserId: 'wang', enteredBy: 'li' };

  it('lets the lawyer act on any booking of theirs, and a co-counsel cancel', () => {
    expect(mayActOn(lawyer, { bookedBy: 'wang', enteredBy: null })).toBe(true);
    expect(mayActOn(lawyer, { bookedBy: 'wang', enteredBy: 'li' })).toBe(true);
    expect(mayActOn(lawyer, { bookedBy: 'zhao', enteredBy: null })).toBe(false);
    expect(mayActOn(lawyer, { bookedBy: 'zhao', enteredBy: null }, ['zhao', 'wang'])).toBe(true);
  });

  it('lets an assistant act only on what they entered for their principal', () => {
    expect(mayActOn(assistant, { bookedBy: 'wang', enteredBy: 'li' })).toBe(true);
    expect(mayActOn(assistant, { bookedBy: 'wang', enteredBy: null })).toBe(false);
    expect(mayActOn(assistant, { bookedBy: 'wang', enteredBy: 'sun' })).toBe(false);
    expect(mayActOn(assistant, { bookedBy: 'zhao', enteredBy: 'li' }, ['wang'])).toBe(false);
  });

  it('names both people in the audit payload only when an assistant acts', () => {
    expect(onBehalfFields(lawyer)).toEqual({});
    expect(onBehalfFields(assistant)).toEqual({ bookedBy: 'wang', enteredBy: 'li' });
  });
});
