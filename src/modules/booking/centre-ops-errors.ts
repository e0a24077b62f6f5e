// Errors of the centre's acts on bookings and the roster, with their stable codes.
import { conflict, msg, notFound } from '../../platform/http/errors.js';

export const detaineeNotOnRoster = () =>
  notFound('roster.not_found', msg('名册中没有该在押人员。', 'No such person on this roster.'));

export const meetingOver = () =>
  conflict(
    'booking.meeting_over',
    msg(
      '该会见的时间已过，不能再取消；请登记律师是否到场会见。',
      'This meeting’s time is over, so it can no longer be cancelled; record whether the lawyer came.',
    ),
  );

export const meetingNotStarted = () =>
  conflict(
    'booking.not_started',
    msg(
      '会见开始后才能登记律师是否到场。',
      'Whether the lawyer came can be recorded only once the meeting has started.',
    ),
  );

export const outcomeRecorded = () =>
  conflict(
    'booking.outcome_recorded',
    msg('该会见的结果已经登记。', 'The outcome of this meeting is already recorded.'),
  );

export const noShowIsFinal = () =>
  conflict(
    'booking.no_show_final',
    msg(
      '“爽约”一经登记即计入律师的爽约记录，不能更改。如确属登记错误，请在律师暂停记录中注明理由解除由此引起的暂停。',
      'A no-show counts against the lawyer as soon as it is recorded and cannot be changed. If it was a mistake, lift any suspension it caused, giving the reason.',
    ),
  );

export const correctionTooLate = () =>
  conflict(
    'booking.correction_too_late',
    msg(
      '会见结果只能在会见当天更正。',
      'A meeting’s outcome can be corrected only on the day of the meeting.',
    ),
  );
