// English for the lawyer's private calendar feed (the card on "My account"). Typed as the Chinese
// resource so a missing or extra key fails tsc.
import type noticesZhCN from './notices-zh-CN.js';

const noticesEn: typeof noticesZhCN = {
  calendarFeed: {
    title: 'Calendar subscription',
    intro:
      'Subscribe your phone or computer calendar to your private address and your meetings appear in it by themselves: those awaiting permission as tentative, cancelled ones removed.',
    loadFailed: 'Your calendar subscription could not be read.',
    none: 'You have no subscription address yet.',
    create: 'Create subscription address',
    urlLabel: 'Your calendar subscription address',
    showOnce: 'Copy it now: to protect your privacy, this address is shown only this once.',
    keepPrivate:
      'Treat this address like a password: anyone who has it sees the times and places of your meetings (not your clients’ names). Do not share it.',
    subscribe: 'Subscribe in this device’s calendar',
    activeSince:
      'You created a subscription address on {{at}} (Beijing time). It is shown only when created; to see one again, or if it may have leaked, create a new one and the old address stops working at once.',
    replace: 'Create a new address',
    replaceConfirm:
      'The old address stops working at once, and calendars that subscribed to it must use the new one. Create a new address?',
    revoke: 'Stop subscription',
    revokeConfirm:
      'The address stops working at once and your calendar no longer updates your meetings. Stop the subscription?',
    created: 'Subscription address created',
    replaced: 'New address created; the old one no longer works',
    revoked: 'Calendar subscription stopped',
    howTitle: 'How to subscribe',
    howIphone:
      'iPhone and iPad: tap “Subscribe in this device’s calendar”, or paste the address under Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.',
    howAndroid:
      'Android: if your phone’s calendar can add a subscribed or internet calendar, paste the address there; if not, add it in Outlook or Google Calendar on the web (“From URL”) and sign in to the same account on your phone.',
    howDesktop:
      'Computer: in Outlook choose Add calendar → From Internet; in Calendar on a Mac choose File → New Calendar Subscription; then paste the address.',
    refreshNote:
      'Calendar apps refresh a subscription every so often (from minutes to a day), so a new booking may show a little later. You can also add a single booking to your calendar from My bookings.',
  },
};

export default noticesEn;
