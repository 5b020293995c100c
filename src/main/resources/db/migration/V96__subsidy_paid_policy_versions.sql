-- The content hash of each policy version at its first payment: a changed file for a paid version stops the start
-- (make a new version instead; docs/subsidy.md).
CREATE TABLE subsidy.policy_version (
    policy_code   varchar(40) NOT NULL,
    version       integer     NOT NULL,
    content_hash  char(64)    NOT NULL,
    file          varchar(200) NOT NULL,
    first_paid_at timestamptz NOT NULL,
    PRIMARY KEY (policy_code, version)
);
