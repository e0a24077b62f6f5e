// English for the centre's own acts on bookings, typed as the Chinese resource so a missing or extra key
// fails tsc.
import type centreOpsZhCN from './centre-ops-zh-CN.js';

const centreOpsEn: typeof centreOpsZhCN = {
  centreOps: {
    reasons: {
      released: 'The detainee has been released',
      transferred: 'The detainee has been transferred',
      emergency: 'An emergency at the centre',
      other: 'Another reason',
    },
    roster: {
      intro:
        'Lawyers must enter a name and ID number that match the roster. ID numbers show only their first six characters (the region code) and their last four.',
      checking: 'Checking their bookings…',
      comingMeetings:
        'Meetings booked with them that have not started: {{count}}. The centre will cancel them; lawyers see the reason under “My bookings”.',
      noComingMeetings: 'No meeting booked with them is still to come.',
      statusChanged: 'Status updated',
      statusChangedCancelled: 'Status updated; meetings cancelled: {{count}}',
    },
    day: {
      actions: 'Actions',
      cancel: 'Cancel booking',
      markAttended: 'Attended',
      markNoShow: 'No-show',
      correct: 'Correct to no-show',
      confirmNoShow:
        'Record a no-show? It counts against the lawyer as a no-show and cannot be changed afterwards.',
      attendedDone: 'Recorded as attended',
      noShowDone: 'Recorded as a no-show',
      cancelledDone: 'Booking cancelled',
      correctedDone: 'Corrected to a no-show',
      byCentre: 'Cancelled by the centre ({{name}})',
      byLawyer: 'Cancelled by the lawyer ({{name}})',
    },
    cancel: {
      title: 'Cancel this booking',
      intro:
        'A cancellation by the centre never counts against the lawyer. The lawyer sees the reason under “My bookings”.',
      reasonCode: 'Reason',
      reasonCodeRequired: 'Choose a reason',
      reason: 'Explanation',
      reasonHelp: 'Needed for an emergency or another reason; the lawyer reads it',
      reasonRequired: 'Say briefly what happened (at least 2 characters)',
      confirm: 'Cancel booking',
      keep: 'Keep booking',
    },
    correct: {
      title: 'Correct to a no-show',
      warning:
        'Once corrected, the meeting counts against the lawyer as a no-show and cannot be changed again. Corrections are possible on the day of the meeting only.',
      reason: 'Reason for the correction',
      reasonRequired: 'Give the reason (at least 2 characters)',
      confirm: 'Correct to no-show',
    },
    myBookings: {
      centreCancelled: 'Cancelled by the centre: {{reason}}',
    },
  },
};

export default centreOpsEn;
