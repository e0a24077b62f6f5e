-- Booking invariants, enforced by the database whichever client writes (ARCHITECTURE.md "Invariants"):
-- a session never holds more live bookings than its online places; a detainee is never in two overlapping
-- meetings; a lawyer never in two overlapping meetings; a meeting has at most two lawyers.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE booking ADD CONSTRAINT booking_detainee_no_overlap
  EXCLUDE USING gist (detainee_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
  WHERE (status IN ('held', 'confirmed', 'awaiting_permission'));
--> statement-breakpoint
ALTER TABLE booking_lawyer ADD CONSTRAINT booking_lawyer_no_overlap
  EXCLUDE USING gist (lawyer_user_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
  WHERE (live);
--> statement-breakpoint
-- Keeps booking_session.taken equal to the session's live bookings. The CHECK on taken (between 0 and
-- online_places) then refuses the booking that would oversell, and the row lock this update takes
-- serialises concurrent bookings of one session without serialising anything else.
CREATE FUNCTION booking_count_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_live boolean := TG_OP <> 'INSERT' AND OLD.status IN ('held', 'confirmed', 'awaiting_permission');
  is_live boolean := TG_OP <> 'DELETE' AND NEW.status IN ('held', 'confirmed', 'awaiting_permission');
BEGIN
  IF is_live AND NOT was_live THEN
    UPDATE booking_session SET taken = taken + 1 WHERE id = NEW.session_id;
  ELSIF was_live AND NOT is_live THEN
    UPDATE booking_session SET taken = taken - 1 WHERE id = OLD.session_id;
  END IF;
  IF TG_OP = 'UPDATE' AND was_live AND is_live AND NEW.session_id <> OLD.session_id THEN
    RAISE EXCEPTION 'a live booking cannot move between sessions' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER booking_count_places AFTER INSERT OR UPDATE OF status, session_id OR DELETE ON booking
  FOR EACH ROW EXECUTE FUNCTION booking_count_places();
--> statement-breakpoint
-- The lawyers' rows follow their booking's liveness and times, so their overlap check stays true.
CREATE FUNCTION booking_mirror_lawyers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE booking_lawyer
     SET live = NEW.status IN ('held', 'confirmed', 'awaiting_permission'),
         starts_at = NEW.starts_at,
         ends_at = NEW.ends_at
   WHERE booking_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER booking_mirror_lawyers AFTER UPDATE OF status, starts_at, ends_at ON booking
  FOR EACH ROW EXECUTE FUNCTION booking_mirror_lawyers();
--> statement-breakpoint
-- At most two lawyers per meeting (DOMAIN.md: 1-2 lawyers). The booking row is locked first so two
-- concurrent additions cannot both see one lawyer.
CREATE FUNCTION booking_lawyer_limit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM booking WHERE id = NEW.booking_id FOR UPDATE;
  IF (SELECT count(*) FROM booking_lawyer WHERE booking_id = NEW.booking_id) >= 2 THEN
    RAISE EXCEPTION 'a meeting has at most two lawyers' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'booking_lawyer_limit';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER booking_lawyer_limit BEFORE INSERT ON booking_lawyer
  FOR EACH ROW EXECUTE FUNCTION booking_lawyer_limit();
--> statement-breakpoint
CREATE INDEX booking_live_holds_idx ON booking (session_id, hold_expires_at) WHERE status = 'held';
