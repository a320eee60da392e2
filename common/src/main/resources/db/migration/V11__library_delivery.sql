-- What the outbox-dispatcher last delivered to the library replica (DynamoDB), per target: a
-- plugin ('plugin:<id>') or an entitlement principal ('member:<org>:<id>', 'team:<org>:<id>',
-- 'org:<org>'). Owned by the outbox-dispatcher, the only writer of the library replica. The row is
-- locked (FOR UPDATE) while a target is re-resolved and written, so N dispatcher replicas
-- delivering the same target serialise and its delivery version only moves forward. The drift
-- check compares these rows with the replica.
CREATE TABLE library_delivery (
    item_key     text PRIMARY KEY CHECK (item_key ~ '^(plugin|member|team|org):'),
    version      bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    checksum     text,
    delivered_at timestamptz
);
