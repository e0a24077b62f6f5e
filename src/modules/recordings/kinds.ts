// Words shared by the tables, the API and the web UI: what a fixity check can find, and what an annotation is.
export const FIXITY_OUTCOMES = ['ok', 'mismatch', 'missing', 'unreadable'] as const;
export const ANNOTATION_KINDS = ['capture_time_correction', 'note'] as const;
