// Errors of the waiting list, with their stable codes.
import { conflict, msg, notFound } from '../../platform/http/errors.js';

/** The waiting list is for full sessions only: while a place is free, booking it is the way in. */
export const placesLeft = () =>
  conflict(
    'waitlist.places_left',
    msg(
      '该时段仍有网上名额，请直接预约，无需候补。',
      'This session still has places online: book one instead of joining the waiting list.',
    ),
  );
export const alreadyBooked = () =>
  conflict(
    'waitlist.already_booked',
    msg(
      '您在该时段已有预约，无需候补。',
      'You already have a booking in this session, so you cannot wait for another place in it.',
    ),
  );
/** Also for someone else's entry: a lawyer learns nothing about other lawyers' places in a queue. */
export const entryNotFound = () =>
  notFound('waitlist.not_found', msg('找不到该候补记录。', 'No such waiting-list entry.'));
export const entryEnded = () =>
  conflict(
    'waitlist.ended',
    msg(
      '该候补已结束（已预约、已超时、已退出或已关闭）。',
      'This waiting-list entry has already ended (booked, lapsed, withdrawn or closed).',
    ),
  );
export const sessionClosedForWaiting = () =>
  conflict(
    'waitlist.session_closed',
    msg(
      '该时段已不在可预约范围内，不能加入候补。',
      'This session is no longer open for booking, so its waiting list is closed.',
    ),
  );
