-- The schema version of each outbox event's payload (see OutboxContract in common): a dispatcher
-- never decodes a version newer than it knows, so payloads can evolve across a rolling update.
-- Rows written before this column (and by the publish function, which leaves it to the default)
-- are version 1. A constant default is a catalogue-only change: no table rewrite.
ALTER TABLE outbox_event ADD COLUMN schema_version smallint NOT NULL DEFAULT 1;
