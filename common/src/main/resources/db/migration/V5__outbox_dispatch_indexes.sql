-- outbox-dispatcher: the dead-letter list, its count (metrics) and retry-all read only dead rows;
-- without this they scan the whole, ever-growing outbox.
CREATE INDEX outbox_event_dead ON outbox_event (seq) WHERE dead_at IS NOT NULL;
