-- Evidence is written once. What a CHECK cannot say is said here, for every database role, the app's included:
-- a recording's given facts (capture times, device, declared hash, size) never change, its computed hash is
-- written once, it moves only along its state machine (recordings/states.ts), and it is sealed only with
-- three copies whose hash is its own; a sealed or ended recording never changes again. Copies, media facts,
-- annotations and fixity checks are append-only; an alert may only be acknowledged, once. Nothing is deleted.
CREATE FUNCTION evidence_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evidence is written once: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE FUNCTION recording_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IN ('sealed', 'rejected', 'expired', 'terminated') THEN
    RAISE EXCEPTION 'recording % is %: it never changes again', OLD.id, OLD.state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.activity_id <> OLD.activity_id
     OR NEW.uploaded_by <> OLD.uploaded_by OR NEW.device <> OLD.device
     OR NEW.capture_started_at <> OLD.capture_started_at OR NEW.capture_ended_at <> OLD.capture_ended_at
     OR NEW.filename <> OLD.filename OR NEW.content_type <> OLD.content_type
     OR NEW.byte_size <> OLD.byte_size OR NEW.declared_sha256 <> OLD.declared_sha256
     OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'recording %: what was given at upload never changes; add an annotation instead', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.sha256 IS NOT NULL AND (NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.sm3 IS DISTINCT FROM OLD.sm3) THEN
    RAISE EXCEPTION 'recording %: its hash is written once', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.received_bytes < OLD.received_bytes THEN
    RAISE EXCEPTION 'recording %: received bytes never go back', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.state <> OLD.state AND NOT (
       (OLD.state = 'receiving' AND NEW.state IN ('sealing', 'rejected', 'expired', 'terminated'))
    OR (OLD.state = 'sealing' AND NEW.state = 'sealed')
  ) THEN
    RAISE EXCEPTION 'recording %: no transition from % to %', OLD.id, OLD.state, NEW.state
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state = 'sealing' AND NEW.received_bytes <> OLD.received_bytes THEN
    RAISE EXCEPTION 'recording %: all its bytes are in', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.state = 'sealed' AND (
    SELECT count(*) FROM recording_copy c
     WHERE c.recording_id = NEW.id AND c.sha256 = NEW.sha256 AND c.byte_size = NEW.byte_size
       AND (NEW.sm3 IS NULL OR c.sm3 IS NULL OR c.sm3 = NEW.sm3)
  ) <> 3 THEN
    RAISE EXCEPTION 'recording %: sealed only with its master, working copy and backup, each of its hash', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recording_guard_update BEFORE UPDATE ON recording
  FOR EACH ROW EXECUTE FUNCTION recording_guard_update();
--> statement-breakpoint
CREATE TRIGGER recording_no_delete BEFORE DELETE ON recording
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_no_truncate BEFORE TRUNCATE ON recording
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
-- Copies are made while a recording is being sealed, and only then.
CREATE FUNCTION recording_copy_guard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM recording r WHERE r.id = NEW.recording_id AND r.state = 'sealing') THEN
    RAISE EXCEPTION 'recording %: copies are recorded only while it is being sealed', NEW.recording_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recording_copy_guard_insert BEFORE INSERT ON recording_copy
  FOR EACH ROW EXECUTE FUNCTION recording_copy_guard_insert();
--> statement-breakpoint
CREATE TRIGGER recording_copy_append_only BEFORE UPDATE OR DELETE ON recording_copy
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_copy_no_truncate BEFORE TRUNCATE ON recording_copy
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_media_fact_append_only BEFORE UPDATE OR DELETE ON recording_media_fact
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_media_fact_no_truncate BEFORE TRUNCATE ON recording_media_fact
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_annotation_append_only BEFORE UPDATE OR DELETE ON recording_annotation
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_annotation_no_truncate BEFORE TRUNCATE ON recording_annotation
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fixity_check_append_only BEFORE UPDATE OR DELETE ON fixity_check
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER fixity_check_no_truncate BEFORE TRUNCATE ON fixity_check
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
-- An alert stays on record; the one change it takes is its acknowledgement, once.
CREATE FUNCTION evidence_alert_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.acknowledged_at IS NOT NULL OR NEW.acknowledged_at IS NULL
     OR (NEW.id, NEW.recording_id, NEW.location, NEW.fixity_check_id, NEW.outcome, NEW.raised_at)
        IS DISTINCT FROM (OLD.id, OLD.recording_id, OLD.location, OLD.fixity_check_id, OLD.outcome, OLD.raised_at)
  THEN
    RAISE EXCEPTION 'evidence alert %: only its acknowledgement may be added, once', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_alert_guard_update BEFORE UPDATE ON evidence_alert
  FOR EACH ROW EXECUTE FUNCTION evidence_alert_guard_update();
--> statement-breakpoint
CREATE TRIGGER evidence_alert_no_delete BEFORE DELETE ON evidence_alert
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_alert_no_truncate BEFORE TRUNCATE ON evidence_alert
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
