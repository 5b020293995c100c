-- 金融超市: institutions' products. The working copy lives in product; each publication (and each change to a
-- published product) is a row of product_version that never changes, with the terms the supermarket filters on
-- copied into columns and the full content (terms and criteria) as a JSON snapshot. Money in fen, rates as exact
-- percentages.
CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE catalog.product (
    id               uuid PRIMARY KEY,
    institution_id   uuid         NOT NULL,
    institution_name varchar(100) NOT NULL,
    institution_type varchar(20)  NOT NULL,
    type             varchar(30)  NOT NULL,
    name             varchar(100) NOT NULL,
    status           varchar(10)  NOT NULL
                     CHECK (status IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'WITHDRAWN', 'EXPIRED')),
    version          int          NOT NULL DEFAULT 0 CHECK (version >= 0),
    return_reason    varchar(500),
    content          jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL,
    created_by       varchar(100) NOT NULL,
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX product_institution ON catalog.product (institution_id, updated_at DESC);
CREATE INDEX product_status ON catalog.product (status);

CREATE TABLE catalog.product_version (
    product_id       uuid         NOT NULL REFERENCES catalog.product (id),
    version          int          NOT NULL CHECK (version >= 1),
    type             varchar(30)  NOT NULL,
    kind             varchar(12)  NOT NULL,
    name             varchar(100) NOT NULL,
    institution_id   uuid         NOT NULL,
    institution_name varchar(100) NOT NULL,
    institution_type varchar(20)  NOT NULL,
    min_amount_fen   bigint CHECK (min_amount_fen >= 0),
    max_amount_fen   bigint CHECK (max_amount_fen >= 0),
    min_term_months  int CHECK (min_term_months BETWEEN 1 AND 360),
    max_term_months  int CHECK (max_term_months BETWEEN 1 AND 360),
    min_rate         numeric(7, 4) CHECK (min_rate BETWEEN 0 AND 36),
    max_rate         numeric(7, 4) CHECK (max_rate BETWEEN 0 AND 36),
    valid_from       date,
    valid_until      date,
    content          jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL,
    created_by       varchar(100) NOT NULL,
    PRIMARY KEY (product_id, version)
);

-- A published version is what deals and matches refer to: it must never change or disappear.
CREATE FUNCTION catalog.refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'catalog.product_version is append-only';
END $$;
CREATE TRIGGER product_version_append_only BEFORE UPDATE OR DELETE ON catalog.product_version
    FOR EACH ROW EXECUTE FUNCTION catalog.refuse_version_change();
CREATE TRIGGER product_version_no_truncate BEFORE TRUNCATE ON catalog.product_version
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.refuse_version_change();
