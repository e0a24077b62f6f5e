-- Strikes and suspensions of online booking (DOMAIN.md: cancel 24 h ahead or it is a no-show; 3 no-shows
-- restrict online booking). A booking that becomes cancelled_late or no_show is a strike for each lawyer of
-- the meeting at its centre. When a lawyer's unspent strikes at the centre within the centre's window reach
-- its threshold, online booking there is suspended for the centre's suspension days, from the latest strike;
-- the strikes counted are then spent. This is a trigger, like the places count of migration 0004, so every
-- path that changes a booking's status (the lawyer's late cancellation, staff marking a no-show) counts, in
-- the transaction of that change, and the suspension is recorded in the audit log there too.
CREATE FUNCTION lawyer_record_strikes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  struck_at timestamptz := CASE
    WHEN NEW.status = 'cancelled_late' THEN coalesce(NEW.cancelled_at, NEW.starts_at)
    ELSE NEW.starts_at
  END;
  threshold int;
  window_days int;
  suspend_days int;
  lawyer uuid;
  spent_until timestamptz;
  latest timestamptz;
  counted int;
  suspension_id uuid;
  suspension_ends timestamptz;
  audit_id bigint;
BEGIN
  IF NEW.status NOT IN ('cancelled_late', 'no_show') OR OLD.status IN ('cancelled_late', 'no_show') THEN
    RETURN NULL;
  END IF;
  SELECT s.strike_threshold, s.strike_window_days, s.suspension_days
    INTO threshold, window_days, suspend_days
    FROM facility_settings s WHERE s.unit_id = NEW.unit_id;
  -- A centre that never saved its rules has the column defaults, which DEFAULT_SETTINGS mirrors.
  threshold := coalesce(threshold, 3);
  window_days := coalesce(window_days, 90);
  suspend_days := coalesce(suspend_days, 30);

  FOR lawyer IN
    SELECT lawyer_user_id FROM booking_lawyer WHERE booking_id = NEW.id ORDER BY lawyer_user_id
  LOOP
    -- One lawyer's standing at one centre changes one transaction at a time (the lift takes the same lock),
    -- so two strikes committed together cannot each count without the other. Each statement below then
    -- sees what the previous holder committed (READ COMMITTED takes a snapshot per statement).
    PERFORM pg_advisory_xact_lock(1279350617, hashtext(lawyer::text || ':' || NEW.unit_id::text));
    INSERT INTO lawyer_strike (lawyer_user_id, unit_id, booking_id, kind, occurred_at)
      VALUES (lawyer, NEW.unit_id, NEW.id, NEW.status, struck_at)
      ON CONFLICT (booking_id, lawyer_user_id) DO NOTHING;

    SELECT max(starts_at) INTO spent_until
      FROM lawyer_suspension WHERE lawyer_user_id = lawyer AND unit_id = NEW.unit_id;
    SELECT max(occurred_at) INTO latest
      FROM lawyer_strike
     WHERE lawyer_user_id = lawyer AND unit_id = NEW.unit_id
       AND (spent_until IS NULL OR occurred_at > spent_until);
    SELECT count(*) INTO counted
      FROM lawyer_strike
     WHERE lawyer_user_id = lawyer AND unit_id = NEW.unit_id
       AND (spent_until IS NULL OR occurred_at > spent_until)
       AND occurred_at > latest - make_interval(days => window_days);

    IF counted >= threshold AND NOT EXISTS (
      SELECT 1 FROM lawyer_suspension
       WHERE lawyer_user_id = lawyer AND unit_id = NEW.unit_id AND lifted_at IS NULL AND ends_at > latest
    ) THEN
      suspension_ends := latest + make_interval(days => suspend_days);
      INSERT INTO lawyer_suspension
        (lawyer_user_id, unit_id, starts_at, ends_at, strike_count, strike_threshold, strike_window_days)
        VALUES (lawyer, NEW.unit_id, latest, suspension_ends, counted, threshold, window_days)
        RETURNING id INTO suspension_id;
      -- The same row AuditRecorder writes; time from the booking's change when it has one (the app's clock).
      INSERT INTO audit_event
        (occurred_at, actor_user_id, actor_username, action, subject_type, subject_id, unit_id, payload)
        VALUES (
          date_trunc('milliseconds', coalesce(NEW.cancelled_at, statement_timestamp())),
          NULL,
          'system:strikes',
          'lawyer.suspended',
          'lawyer_suspension',
          suspension_id::text,
          NEW.unit_id,
          jsonb_build_object(
            'lawyerUserId', lawyer::text,
            'bookingId', NEW.id::text,
            'strikes', counted,
            'threshold', threshold,
            'windowDays', window_days,
            'until', to_char(suspension_ends AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          )
        )
        RETURNING id INTO audit_id;
      INSERT INTO audit_pending (event_id) VALUES (audit_id);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER lawyer_record_strikes AFTER UPDATE OF status ON booking
  FOR EACH ROW EXECUTE FUNCTION lawyer_record_strikes();
