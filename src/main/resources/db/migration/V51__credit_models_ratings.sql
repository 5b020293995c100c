-- 信用画像: scorecard models with their approval, every enterprise's current rating, ratings by month for
-- monitoring, and the outcomes (good/bad) known to the platform for training.
CREATE SCHEMA IF NOT EXISTS credit;

-- A trained scorecard. It scores only once a second person approves it (ACTIVE); the one before is RETIRED.
CREATE TABLE credit.model (
    id           uuid PRIMARY KEY,
    version      int           NOT NULL UNIQUE,
    status       varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED', 'REJECTED')),
    source_kind  varchar(10)   NOT NULL CHECK (source_kind IN ('UPLOAD', 'PLATFORM')),
    source       varchar(255)  NOT NULL,
    trained_by   varchar(100)  NOT NULL,
    trained_at   timestamptz   NOT NULL,
    reviewed_by  varchar(100),
    reviewed_at  timestamptz,
    review_note  varchar(500),
    features     int           NOT NULL,
    rows         int           NOT NULL,
    bads         int           NOT NULL,
    train_auc    double precision,
    holdout_auc  double precision,
    holdout_ks   double precision,
    -- the whole trained scorecard (bins, decisions, fit, validation) as JSON; the points table is rebuilt from it
    document     jsonb         NOT NULL,
    CHECK (reviewed_by IS NULL OR reviewed_by <> trained_by)
);
CREATE UNIQUE INDEX model_one_active ON credit.model ((true)) WHERE status = 'ACTIVE';

-- Each enterprise's current rating: score and grade from the active model (null without one), the innovation
-- score, and the feature values it was computed from (so reasons and hints can be shown as of that rating).
CREATE TABLE credit.rating (
    credit_code      char(18)     PRIMARY KEY,
    model_id         uuid REFERENCES credit.model (id),
    score            int,
    grade            varchar(3),
    innovation_score int          NOT NULL CHECK (innovation_score BETWEEN 0 AND 100),
    innovation       jsonb        NOT NULL,
    features         jsonb        NOT NULL,
    as_of            date         NOT NULL,
    rated_at         timestamptz  NOT NULL
);
CREATE INDEX rating_grade ON credit.rating (grade);

-- The rating as it stood for each data month (the latest rating of the month counts): score distribution and
-- PSI by month, and the grade an enterprise had when a loan was made.
CREATE TABLE credit.rating_month (
    month            date        NOT NULL,
    credit_code      char(18)    NOT NULL,
    model_id         uuid,
    score            int,
    grade            varchar(3),
    innovation_score int         NOT NULL,
    PRIMARY KEY (month, credit_code)
);
CREATE INDEX rating_month_enterprise ON credit.rating_month (credit_code, month);

-- Good/bad outcomes the platform knows besides its own loans: the demo's simulated defaults (source SYNTHETIC).
CREATE TABLE credit.outcome (
    credit_code char(18)     PRIMARY KEY,
    bad         boolean      NOT NULL,
    source      varchar(12)  NOT NULL,
    recorded_at timestamptz  NOT NULL
);
