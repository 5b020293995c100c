-- Earlier password hashes of each account, so a new password cannot repeat one of the last few (等保 身份鉴别).
CREATE TABLE identity.password_history (
    account_id     uuid          NOT NULL REFERENCES identity.account (id),
    password_hash  varchar(200)  NOT NULL,
    replaced_at    timestamptz   NOT NULL
);
CREATE INDEX password_history_account ON identity.password_history (account_id, replaced_at DESC);
