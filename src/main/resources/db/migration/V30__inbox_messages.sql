-- 站内消息: notices to organisations and their members, read state per person, and the optional e-mail channel.
CREATE SCHEMA IF NOT EXISTS inbox;

-- What was said, once per notice. username set: meant for that one member of the organisation only.
CREATE TABLE inbox.message (
    id              uuid          PRIMARY KEY,
    organisation_id uuid          NOT NULL,
    username        varchar(32),
    category        varchar(20)   NOT NULL CHECK (category ~ '^[A-Z][A-Z0-9_]*$'),
    title           varchar(100)  NOT NULL,
    body            varchar(1000) NOT NULL,
    -- a path inside the application, never another site
    link            varchar(500)  CHECK (link LIKE '/%' AND link NOT LIKE '//%'),
    -- what the message is about, e.g. 'deal:<uuid>', for grouping and for senders that notify once
    subject         varchar(100),
    sent_at         timestamptz   NOT NULL
);
CREATE INDEX message_subject ON inbox.message (subject) WHERE subject IS NOT NULL;
CREATE INDEX message_organisation ON inbox.message (organisation_id, sent_at DESC);

-- Who a message reached: the organisation's members when it was sent (or the one member named), each with their
-- own read state, so a colleague reading it leaves it unread for the others. sent_at and category are copied from
-- the message so that a person's list, filters and unread count read this table alone.
CREATE TABLE inbox.delivery (
    message_id   uuid         NOT NULL REFERENCES inbox.message (id),
    username     varchar(32)  NOT NULL,
    sent_at      timestamptz  NOT NULL,
    category     varchar(20)  NOT NULL,
    read_at      timestamptz,
    -- the e-mail channel's outcome for this person: the address and time it went out, or why it did not
    mailed_to    varchar(254),
    mailed_at    timestamptz,
    mail_failure varchar(500),
    PRIMARY KEY (message_id, username)
);
-- the nav badge's count and the "unread only" list: one person's unread deliveries, newest first
CREATE INDEX delivery_unread ON inbox.delivery (username, sent_at DESC) WHERE read_at IS NULL;
CREATE INDEX delivery_person ON inbox.delivery (username, sent_at DESC);

-- Where a person wants notices e-mailed (set on /inbox/settings); read only when sanrong.mail.enabled is true.
CREATE TABLE inbox.mail_address (
    username   varchar(32)  PRIMARY KEY,
    email      varchar(254) NOT NULL,
    updated_at timestamptz  NOT NULL
);
