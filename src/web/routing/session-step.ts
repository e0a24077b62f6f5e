// Where a session belongs: the sign-in step it still owes, or its home. One function, used after
// each sign-in step and by the route guards, so the two never disagree.
import type { Role } from '../../modules/identity/roles.js';
import type { SessionView } from '../../modules/identity/schemas.js';

export const PATHS = {
  login: '/login',
  enrol: '/login/enrol',
  totp: '/login/totp',
  password: '/password',
  portal: '/portal',
  console: '/console',
} as const;

export type Step = 'login' | 'enrol' | 'totp' | 'password' | 'portal' | 'console';

/** Lawyers (and only lawyers) use the portal; anyone holding a staff role uses the console. */
export function isLawyerOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'lawyer');
}

export function homeStep(session: SessionView): 'portal' | 'console' {
  return isLawyerOnly(session.user.roles) ? 'portal' : 'console';
}

export function nextStep(session: SessionView | null): Step {
  if (!session) return 'login';
  switch (session.secondFactor) {
    case 'enrolment_required':
      return 'enrol';
    case 'required':
      return 'totp';
    case 'not_required':
    case 'done':
      break;
  }
  if (session.passwordChangeRequired) return 'password';
  return homeStep(session);
}

export function nextPath(session: SessionView | null): string {
  return PATHS[nextStep(session)];
}
