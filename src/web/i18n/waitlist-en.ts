// English: the waiting list (lawyers queue for a full session; a freed place is held for each in turn).
import type waitlistZhCN from './waitlist-zh-CN.js';

const waitlistEn: typeof waitlistZhCN = {
  waitlist: {
    status: {
      waiting: 'Waiting',
      offered: 'Place held for you',
      booked: 'Booked',
      lapsed: 'Hold lapsed',
      withdrawn: 'Left the list',
      closed: 'List closed',
    },
    join: {
      title: 'This session is full: join its waiting list',
      body: 'When someone cancels or a hold lapses, the place is held for the lawyers waiting, in the order they joined, and you are told by SMS. The place is held for you for {{minutes}} minutes: complete the booking within that time.',
      chooseDuration: 'Choose the meeting length first: the place is held for that length.',
      button: 'Join the waiting list ({{minutes}} min)',
      joined: 'You are on the waiting list',
    },
    position: 'You are number {{position}} on the waiting list.',
    positionShort: 'Waiting list: number {{position}}',
    offeredHere: 'A place is held for you: continue the booking from “My bookings”.',
    mine: {
      title: 'My waiting lists',
      offerTitle: 'A place from the waiting list is held for you',
      offerBody:
        'The place is held until {{until}} (Beijing time). Complete the booking before then, or it passes to the next lawyer waiting.',
      remaining: 'Time left ',
      timerLabel: 'Time left on the place held from the waiting list',
      continue: 'Continue the booking',
      decline: 'Give the place up',
      withdraw: 'Leave the waiting list',
      withdrawn: 'You have left the waiting list.',
      declined: 'You gave the place up; it is held for the next lawyer waiting.',
      duration: '{{count}} min',
    },
  },
  waitlistStaff: {
    summary: '{{waiting}} waiting',
    summaryOffered: '{{waiting}} waiting, {{offered}} with a place held',
    show: 'Show waiting list',
    showFor: 'Show the waiting list of the {{time}} session',
    title: 'Waiting list of the {{time}} session',
    empty: 'Nobody is waiting for this session.',
    columns: {
      position: 'Order',
      lawyer: 'Lawyer',
      duration: 'Length',
      joinedAt: 'Joined (Beijing time)',
      status: 'Status',
    },
    lawyerName: '{{name}} ({{username}})',
    offeredUntil: 'Held until {{time}}',
    waiting: 'Waiting',
  },
};

export default waitlistEn;
