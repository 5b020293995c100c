-- Idempotency-Key: the first response to a creating POST, replayed for a retry with the same key and body.
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.idempotent_request (
    scope          varchar(100)  NOT NULL,
    key            varchar(200)  NOT NULL,
    request_hash   char(64)      NOT NULL,
    status         smallint      NOT NULL,
    location       varchar(300),
    body           text          NOT NULL,
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotent_request_created ON platform.idempotent_request (created_at);
