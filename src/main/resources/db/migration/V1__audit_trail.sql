CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.audit_entry (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz  NOT NULL,
    actor           varchar(100) NOT NULL,
    organisation_id uuid,
    action          varchar(60)  NOT NULL,
    target          varchar(200) NOT NULL,
    ip              varchar(64),
    outcome         varchar(10)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    detail          varchar(1000)
);
CREATE INDEX audit_entry_at ON audit.audit_entry (at DESC);
CREATE INDEX audit_entry_actor ON audit.audit_entry (actor, at DESC);
CREATE INDEX audit_entry_target ON audit.audit_entry (target, at DESC);

-- The trail is append-only: no update, no delete, whoever asks.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit.audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
