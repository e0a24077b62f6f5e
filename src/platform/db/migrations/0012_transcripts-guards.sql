-- Transcripts, interruptions and their annotations are written once, for every database role: a correction is
-- a new annotation, never a change. Each is filed under an activity of its own case.
CREATE FUNCTION activity_record_case_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM case_activity a WHERE a.id = NEW.activity_id AND a.case_id = NEW.case_id) THEN
    RAISE EXCEPTION '%: activity % is not in case %', TG_TABLE_NAME, NEW.activity_id, NEW.case_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transcript_case_matches BEFORE INSERT ON transcript
  FOR EACH ROW EXECUTE FUNCTION activity_record_case_matches();
--> statement-breakpoint
CREATE TRIGGER recording_interruption_case_matches BEFORE INSERT ON recording_interruption
  FOR EACH ROW EXECUTE FUNCTION activity_record_case_matches();
--> statement-breakpoint
CREATE TRIGGER transcript_no_update BEFORE UPDATE OR DELETE ON transcript
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transcript_no_truncate BEFORE TRUNCATE ON transcript
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_interruption_no_update BEFORE UPDATE OR DELETE ON recording_interruption
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recording_interruption_no_truncate BEFORE TRUNCATE ON recording_interruption
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER interruption_annotation_no_update BEFORE UPDATE OR DELETE ON interruption_annotation
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
--> statement-breakpoint
CREATE TRIGGER interruption_annotation_no_truncate BEFORE TRUNCATE ON interruption_annotation
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
