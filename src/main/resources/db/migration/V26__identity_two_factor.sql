-- Two-factor login (TOTP, RFC 6238): each account's secret once enrolled, and its one-time recovery codes (hashes).
ALTER TABLE identity.account ADD COLUMN totp_secret varchar(64);
ALTER TABLE identity.account ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE identity.account ADD COLUMN totp_last_step bigint;

CREATE TABLE identity.recovery_code (
    account_id  uuid      NOT NULL REFERENCES identity.account (id),
    code_hash   char(64)  NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
