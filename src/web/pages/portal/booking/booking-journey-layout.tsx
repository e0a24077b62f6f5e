// The frame of the booking journey (/portal/book/...): the answers and the held place live here for
// every step, with the countdown on the hold shown above whichever step the lawyer is on. An assistant's
// journey starts once it is known which lawyer it books for.
import { Outlet } from 'react-router';
import { BookingForGate } from './booking-for.js';
import { HoldBanner } from './hold-banner.js';
import { JourneyProvider } from './journey-context.js';
import './booking.css';

export function BookingJourneyLayout() {
  return (
    <JourneyProvider>
      <div className="custos-journey">
        <BookingForGate>
          <HoldBanner />
          <Outlet />
        </BookingForGate>
      </div>
    </JourneyProvider>
  );
}
