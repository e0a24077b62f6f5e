// Errors of the booking module, with their stable codes.
import { badRequest, conflict, forbidden, msg, notFound } from '../../platform/http/errors.js';

export const sessionFull = () =>
  conflict(
    'booking.session_full',
    msg(
      '该时段的网上名额已约满，可加入候补，或直接到看守所现场办理。',
      'This session has no online places left; join the waiting list, or come to the centre without a booking.',
    ),
  );
export const detaineeBusy = () =>
  conflict(
    'booking.detainee_busy',
    msg('该在押人员在此时间已有会见安排。', 'The client already has a meeting at this time.'),
  );
export const lawyerBusy = () =>
  conflict(
    'booking.lawyer_busy',
    msg('律师在此时间已有其他会见。', 'A lawyer of this meeting already has another meeting at this time.'),
  );
export const tooManyLawyers = () =>
  badRequest('booking.too_many_lawyers', msg('每次会见最多两名律师。', 'A meeting has at most two lawyers.'));
export const sessionNotFound = () =>
  notFound('booking.session_not_found', msg('找不到该会见时段。', 'No such session.'));
export const bookingNotFound = () => notFound('booking.not_found', msg('找不到该预约。', 'No such booking.'));
export const notBookable = (why: string, whyEn: string) =>
  badRequest('booking.not_bookable', msg(why, whyEn));
export const durationNotAllowed = () =>
  badRequest(
    'booking.duration_not_allowed',
    msg('该时段不提供所选的会见时长。', 'This session does not offer that duration.'),
  );
export const holdExpired = () =>
  conflict(
    'booking.hold_expired',
    msg('名额保留已超时，请重新选择时段。', 'Your hold on the place has expired; choose a session again.'),
  );
export const wrongState = () =>
  conflict(
    'booking.wrong_state',
    msg('该预约当前的状态不允许此操作。', 'The booking is not in a state that allows this.'),
  );
export const notYourBooking = () =>
  forbidden('booking.not_yours', msg('这不是您的预约。', 'This is not your booking.'));
/** Deliberately silent on why: a lawyer learns nothing about people who are not their client. */
export const clientNotFound = () =>
  notFound(
    'booking.client_not_found',
    msg(
      '本看守所没有与该姓名和身份证号相符的在押人员，请核对。',
      'No one with this name and ID number is held at this centre; check both.',
    ),
  );
export const fairnessCapReached = (cap: number) =>
  conflict(
    'booking.fairness_cap',
    msg(
      `您本周为该当事人预约的会见已达上限（${cap} 次）。`,
      `You already hold the weekly maximum of ${cap} booking(s) for this client.`,
    ),
  );
export const notACentre = () =>
  badRequest(
    'booking.not_a_centre',
    msg('只有看守所可以设置会见预约。', 'Only a detention centre takes meeting bookings.'),
  );
export const coCounselUnknown = () =>
  badRequest(
    'booking.co_counsel_unknown',
    msg(
      '找不到该合作律师的账号（须为本平台上的其他律师）。',
      'No such co-counsel: name another lawyer with an account here.',
    ),
  );
