-- 路演 (issue 13): events, presenters with their decks, investors' registrations and attendance, invitations proposed
-- by matching, and interests after the event, each tied to the equity deal it opened in deal.deal (by id only).
CREATE SCHEMA IF NOT EXISTS roadshow;

CREATE TABLE roadshow.event (
    id               uuid PRIMARY KEY,
    organiser_id     uuid          NOT NULL,
    organiser_name   varchar(100)  NOT NULL,
    by_government    boolean       NOT NULL,
    title            varchar(100)  NOT NULL,
    theme            varchar(500)  NOT NULL,
    format           varchar(8)    NOT NULL CHECK (format IN ('ONLINE', 'OFFLINE')),
    venue            varchar(200)  NOT NULL,
    starts_at        timestamptz   NOT NULL,
    industries       varchar(8)[]  NOT NULL,
    capacity         int           NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    presenter_slots  int           NOT NULL CHECK (presenter_slots BETWEEN 1 AND 50),
    status           varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'HELD', 'CANCELLED')),
    created_at       timestamptz   NOT NULL,
    created_by       varchar(100)  NOT NULL,
    held_at          timestamptz,
    cancel_note      varchar(500),
    row_version      int           NOT NULL DEFAULT 0
);
CREATE INDEX event_starts ON roadshow.event (starts_at DESC);

-- Pitch decks: PDF only, checked by their first bytes, size-limited.
CREATE TABLE roadshow.deck (
    id            uuid PRIMARY KEY,
    file_name     varchar(200)  NOT NULL,
    content_type  varchar(40)   NOT NULL,
    size_bytes    int           NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)      NOT NULL,
    content       bytea         NOT NULL,
    uploaded_at   timestamptz   NOT NULL,
    uploaded_by   varchar(100)  NOT NULL
);

CREATE TABLE roadshow.presenter (
    event_id           uuid          NOT NULL REFERENCES roadshow.event (id),
    credit_code        char(18)      NOT NULL,
    enterprise_name    varchar(100)  NOT NULL,
    enterprise_org_id  uuid          NOT NULL,
    industry_code      varchar(8),
    pitch              varchar(1000) NOT NULL,
    amount_sought_fen  bigint        NOT NULL CHECK (amount_sought_fen > 0),
    deck_id            uuid          NOT NULL REFERENCES roadshow.deck (id),
    status             varchar(12)   NOT NULL CHECK (status IN ('APPLIED', 'SELECTED', 'NOT_SELECTED')),
    applied_at         timestamptz   NOT NULL,
    applied_by         varchar(100)  NOT NULL,
    PRIMARY KEY (event_id, credit_code)
);

CREATE TABLE roadshow.registration (
    event_id          uuid          NOT NULL REFERENCES roadshow.event (id),
    institution_id    uuid          NOT NULL,
    institution_name  varchar(100)  NOT NULL,
    registered_at     timestamptz   NOT NULL,
    registered_by     varchar(100)  NOT NULL,
    attended          boolean,
    PRIMARY KEY (event_id, institution_id)
);

CREATE TABLE roadshow.invitation (
    event_id        uuid          NOT NULL REFERENCES roadshow.event (id),
    invitee_id      uuid          NOT NULL,
    invitee_name    varchar(100)  NOT NULL,
    reasons         varchar(1000) NOT NULL,
    invited_at      timestamptz   NOT NULL,
    invited_by      varchar(100)  NOT NULL,
    PRIMARY KEY (event_id, invitee_id)
);

-- One interest per investor and presenter of an event; the deal it opened is the outcome to follow.
CREATE TABLE roadshow.interest (
    event_id          uuid          NOT NULL REFERENCES roadshow.event (id),
    institution_id    uuid          NOT NULL,
    institution_name  varchar(100)  NOT NULL,
    credit_code       char(18)      NOT NULL,
    enterprise_name   varchar(100)  NOT NULL,
    deal_id           uuid          NOT NULL,
    note              varchar(500),
    marked_at         timestamptz   NOT NULL,
    marked_by         varchar(100)  NOT NULL,
    PRIMARY KEY (event_id, institution_id, credit_code)
);
