// The frame of the booking journey (/portal/book/...): the answers and the held place live here for
// every step, with the countdown on the hold shown above whichever step the lawyer is on.
import { Outlet } from 'react-router';
import { HoldBanner } from './hold-banner.js';
import { JourneyProvider } from './journey-context.js';
import './booking.css';

export function BookingJourneyLayout() {
  return (
    <JourneyProvider>
      <div className="custos-journey">
        <HoldBanner />
        <Outlet />
      </div>
    </JourneyProvider>
  );
}
