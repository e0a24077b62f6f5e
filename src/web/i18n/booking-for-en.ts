// English for an assistant booking on a lawyer's behalf, typed as the Chinese resource so a missing or
// extra key fails tsc.
import type bookingForZhCN from './booking-for-zh-CN.js';

const bookingForEn: typeof bookingForZhCN = {
  bookingFor: {
    journeyTitle: 'You are booking for {{name}}',
    journeyBody:
      'You are the confirmed assistant of {{name}} ({{username}}). The booking is theirs: {{name}} is the lawyer of the meeting and the documents are theirs; you only enter it.',
    myBookingsTitle: '{{name}}’s bookings',
    myBookingsBody:
      'As their assistant you see all of {{name}}’s bookings and can cancel the ones you entered.',
    enteredFor: 'Booking for: {{name}} (entered by you)',
    enteredByYou: 'Entered by you',
  },
};

export default bookingForEn;
