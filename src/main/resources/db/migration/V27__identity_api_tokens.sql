-- Per-organisation API tokens for machine clients: only the SHA-256 of a token is kept; a token acts as the member
-- who created it and stops with that member's account or when revoked.
CREATE TABLE identity.api_token (
    id               uuid          PRIMARY KEY,
    organisation_id  uuid          NOT NULL REFERENCES identity.organisation (id),
    name             varchar(50)   NOT NULL,
    prefix           varchar(12)   NOT NULL,
    token_hash       char(64)      NOT NULL UNIQUE,
    created_by       varchar(32)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
CREATE INDEX api_token_organisation ON identity.api_token (organisation_id, created_at DESC);
