-- Audit retention (等保 8.1.4.3 安全审计 d: records kept, protected, at least six months): sealed entries older than
-- sanrong.audit.retention-days (never fewer than 180) may move to audit.audit_archive, each batch also written to a
-- file whose SM3 and SHA-256 are kept in audit.archive_batch. Nothing is ever deleted silently: the trail's trigger
-- lets a row leave audit_entry only when it is sealed, older than 180 days and already in the archive with the same
-- hash; the archive itself is append-only. The hash chain runs over both tables (AuditChain.verify).
CREATE TABLE audit.archive_batch (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    archived_at timestamptz  NOT NULL,
    cutoff      timestamptz  NOT NULL,
    entries     bigint       NOT NULL,
    first_seq   bigint,
    last_seq    bigint,
    file_name   varchar(200) NOT NULL,
    file_sm3    char(64)     NOT NULL,
    file_sha256 char(64)     NOT NULL
);

CREATE TABLE audit.audit_archive (
    id              bigint       PRIMARY KEY,
    at              timestamptz  NOT NULL,
    actor           varchar(100) NOT NULL,
    organisation_id uuid,
    action          varchar(60)  NOT NULL,
    target          varchar(200) NOT NULL,
    ip              varchar(64),
    outcome         varchar(10)  NOT NULL,
    detail          varchar(1000),
    chain_seq       bigint       NOT NULL UNIQUE,
    hash            char(64)     NOT NULL,
    batch_id        bigint       NOT NULL REFERENCES audit.archive_batch (id)
);
CREATE INDEX audit_archive_at ON audit.audit_archive (at DESC);

CREATE TRIGGER audit_archive_append_only BEFORE UPDATE OR DELETE ON audit.audit_archive
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit.audit_archive
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER archive_batch_append_only BEFORE UPDATE OR DELETE ON audit.archive_batch
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER archive_batch_no_truncate BEFORE TRUNCATE ON audit.archive_batch
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

CREATE OR REPLACE FUNCTION audit.allow_sealing_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.chain_seq IS NULL
            AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
            AND (NEW.id, NEW.at, NEW.actor, NEW.organisation_id, NEW.action, NEW.target, NEW.ip, NEW.outcome,
                 NEW.detail) IS NOT DISTINCT FROM
                (OLD.id, OLD.at, OLD.actor, OLD.organisation_id, OLD.action, OLD.target, OLD.ip, OLD.outcome,
                 OLD.detail) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND OLD.hash IS NOT NULL AND OLD.at < now() - interval '180 days'
            AND EXISTS (SELECT 1 FROM audit.audit_archive a WHERE a.id = OLD.id AND a.hash = OLD.hash
                        AND a.chain_seq = OLD.chain_seq) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit trail is append-only';
END $$;
