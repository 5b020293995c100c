-- Tamper evidence (等保 安全审计): each entry is sealed into a hash chain, SM3(previous hash | its content), in the
-- order the sealer finds committed entries (chain_seq). Sealing is the only change the trail accepts: it sets the
-- seal of an unsealed entry and nothing else. Deleting, truncating or editing stays refused.
ALTER TABLE audit.audit_entry ADD COLUMN chain_seq bigint UNIQUE;
ALTER TABLE audit.audit_entry ADD COLUMN hash char(64);
CREATE INDEX audit_entry_unsealed ON audit.audit_entry (id) WHERE hash IS NULL;

CREATE FUNCTION audit.allow_sealing_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.chain_seq IS NULL
            AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
            AND (NEW.id, NEW.at, NEW.actor, NEW.organisation_id, NEW.action, NEW.target, NEW.ip, NEW.outcome,
                 NEW.detail) IS NOT DISTINCT FROM
                (OLD.id, OLD.at, OLD.actor, OLD.organisation_id, OLD.action, OLD.target, OLD.ip, OLD.outcome,
                 OLD.detail) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit trail is append-only';
END $$;
DROP TRIGGER audit_entry_append_only ON audit.audit_entry;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit.audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit.allow_sealing_only();
