// Whom the signed-in lawyer books for. An account with a confirmed assistant link books for its principal:
// a link has one principal at a time, so the choice is implied and the portal's booking pages act for
// that lawyer throughout (the server checks the link on every request). Without a link, for themself.
import { useLawyerAccount } from './lawyers.js';

export interface Principal {
  userId: string;
  name: string;
  username: string;
}

export type BookingFor =
  | { status: 'pending' | 'error'; principal: null; onBehalfOf: undefined; error: unknown }
  | { status: 'ready'; principal: Principal | null; onBehalfOf: string | undefined; error: null };

export function useBookingFor(): BookingFor {
  const account = useLawyerAccount();
  if (account.isPending) return { status: 'pending', principal: null, onBehalfOf: undefined, error: null };
  if (account.isError) {
    return { status: 'error', principal: null, onBehalfOf: undefined, error: account.error };
  }
  const link = account.data.assisting;
  const principal = link?.confirmedAt ? link.principal : null;
  return { status: 'ready', principal, onBehalfOf: principal?.userId, error: null };
}

/** The request field that names the principal, when there is one. */
export function onBehalf(onBehalfOf: string | undefined): { onBehalfOf?: string } {
  return onBehalfOf ? { onBehalfOf } : {};
}
