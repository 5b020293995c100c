-- 账本: double-entry accounts and journal entries for public money. Money in integer fen. Append-only: nothing here
-- is ever updated or deleted (triggers refuse); a balance is the sum of an account's lines.
CREATE SCHEMA IF NOT EXISTS ledger;

CREATE TABLE ledger.account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book          varchar(60)   NOT NULL,
    code          varchar(200)  NOT NULL,
    name          varchar(200)  NOT NULL,
    kind          varchar(12)   NOT NULL CHECK (kind IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE',
                                    'MEMO_DEBIT', 'MEMO_CREDIT')),
    non_negative  boolean       NOT NULL,
    opened_at     timestamptz   NOT NULL,
    UNIQUE (book, code)
);

CREATE TABLE ledger.entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_key  varchar(200)  NOT NULL UNIQUE,
    booked_on     date          NOT NULL,
    posted_at     timestamptz   NOT NULL,
    posted_by     varchar(100)  NOT NULL,
    description   varchar(500)  NOT NULL,
    fingerprint   char(64)      NOT NULL
);
CREATE INDEX entry_booked_on ON ledger.entry (booked_on);

CREATE TABLE ledger.line (
    entry_id    bigint  NOT NULL REFERENCES ledger.entry (id),
    seq         smallint NOT NULL,
    account_id  bigint  NOT NULL REFERENCES ledger.account (id),
    debit_fen   bigint  NOT NULL CHECK (debit_fen >= 0),
    credit_fen  bigint  NOT NULL CHECK (credit_fen >= 0),
    CHECK ((debit_fen = 0) <> (credit_fen = 0)),
    PRIMARY KEY (entry_id, seq)
);
CREATE INDEX line_account ON ledger.line (account_id);

-- Append-only, whoever asks.
CREATE FUNCTION ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a correcting entry instead';
END $$;
CREATE TRIGGER account_append_only BEFORE UPDATE OR DELETE ON ledger.account
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON ledger.account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON ledger.entry
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON ledger.entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER line_append_only BEFORE UPDATE OR DELETE ON ledger.line
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER line_no_truncate BEFORE TRUNCATE ON ledger.line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();

-- Every entry balances and has at least two lines, checked at commit whoever writes.
CREATE FUNCTION ledger.check_entry(e bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    d bigint;
    c bigint;
    n int;
BEGIN
    SELECT coalesce(sum(debit_fen), 0), coalesce(sum(credit_fen), 0), count(*) INTO d, c, n
    FROM ledger.line WHERE entry_id = e;
    IF n < 2 OR d <> c THEN
        RAISE EXCEPTION 'journal entry % does not balance: % lines, debits %, credits %', e, n, d, c;
    END IF;
END $$;
CREATE FUNCTION ledger.line_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger.check_entry(NEW.entry_id);
    RETURN NULL;
END $$;
CREATE FUNCTION ledger.entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger.check_entry(NEW.id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER line_balanced AFTER INSERT ON ledger.line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.line_balanced();
CREATE CONSTRAINT TRIGGER entry_balanced AFTER INSERT ON ledger.entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.entry_balanced();
