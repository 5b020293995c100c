-- 科技成果库: achievements (patents, research results) and enterprises' expressions of interest in them.
-- search_terms holds Han unigrams and bigrams and whole Latin/digit words (see SearchText), searched through GIN;
-- search_text is the same text NFKC-folded and lower-cased, for the LIKE that confirms a match.
CREATE SCHEMA IF NOT EXISTS achievement;

CREATE TABLE achievement.achievement (
    id                      uuid PRIMARY KEY,
    kind                    varchar(16)   NOT NULL CHECK (kind IN ('PATENT', 'RESEARCH_RESULT')),
    title                   varchar(100)  NOT NULL,
    description             varchar(4000) NOT NULL,
    owner_type              varchar(20)   NOT NULL CHECK (owner_type IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE')),
    owner_name              varchar(100)  NOT NULL,
    owner_credit_code       char(18),
    owner_org_id            uuid,
    managing_org_id         uuid          NOT NULL,
    managing_org_name       varchar(100)  NOT NULL,
    industry_code           varchar(5)    NOT NULL,
    trl                     smallint      NOT NULL CHECK (trl BETWEEN 1 AND 9),
    intents                 varchar(20)[] NOT NULL CHECK (cardinality(intents) >= 1
                                AND intents <@ ARRAY['LICENSE', 'TRANSFER', 'JOINT_DEVELOPMENT', 'FINANCING']::varchar[]),
    patent_number           varchar(20),
    patent_application      varchar(14),
    contact_name            varchar(50)   NOT NULL,
    contact_phone           varchar(20)   NOT NULL,
    status                  varchar(12)   NOT NULL CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
    search_terms            text[]        NOT NULL,
    search_text             text          NOT NULL,
    created_by              varchar(64)   NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    row_version             int           NOT NULL DEFAULT 0,
    CHECK ((owner_type = 'ENTERPRISE') = (owner_org_id IS NOT NULL AND owner_credit_code IS NOT NULL)),
    CHECK (kind <> 'PATENT' OR patent_number IS NOT NULL),
    CHECK ((patent_number IS NULL) = (patent_application IS NULL))
);
-- one entry per patent in the whole library, whoever records it
CREATE UNIQUE INDEX achievement_patent_once ON achievement.achievement (patent_application)
    WHERE patent_application IS NOT NULL;
CREATE INDEX achievement_search_terms ON achievement.achievement USING gin (search_terms);
CREATE INDEX achievement_industry ON achievement.achievement (industry_code varchar_pattern_ops);
CREATE INDEX achievement_listed ON achievement.achievement (status, updated_at DESC);
CREATE INDEX achievement_managing_org ON achievement.achievement (managing_org_id);
CREATE INDEX achievement_owner_credit_code ON achievement.achievement (owner_credit_code)
    WHERE owner_credit_code IS NOT NULL;

CREATE TABLE achievement.interest (
    id                      uuid PRIMARY KEY,
    achievement_id          uuid          NOT NULL REFERENCES achievement.achievement (id),
    enterprise_org_id       uuid          NOT NULL,
    enterprise_name         varchar(100)  NOT NULL,
    enterprise_credit_code  char(18)      NOT NULL,
    username                varchar(64)   NOT NULL,
    person_name             varchar(50)   NOT NULL,
    intent                  varchar(20)   CHECK (intent IN ('LICENSE', 'TRANSFER', 'JOINT_DEVELOPMENT', 'FINANCING')),
    message                 varchar(500)  NOT NULL,
    created_at              timestamptz   NOT NULL,
    CONSTRAINT interest_once_per_enterprise UNIQUE (achievement_id, enterprise_org_id)
);
CREATE INDEX interest_by_enterprise ON achievement.interest (enterprise_org_id, created_at DESC);
