-- Reference data loaded from the files under sanrong.reference.* (classpath:reference/*.csv by default) at start.
-- The files are the source; these tables are replaced, one file at a time, when a file's SHA-256 changes.
CREATE SCHEMA IF NOT EXISTS reference;

-- One row per file: which file was loaded last, its hash and when.
CREATE TABLE reference.dataset (
    name      varchar(40)  PRIMARY KEY,
    source    varchar(500) NOT NULL,
    sha256    char(64)     NOT NULL,
    row_count int          NOT NULL,
    loaded_at timestamptz  NOT NULL
);

-- position keeps the order of the file, which is the order pages show.
CREATE TABLE reference.town (
    code     varchar(20) PRIMARY KEY,
    name     varchar(50) NOT NULL,
    kind     varchar(20) NOT NULL,
    position int         NOT NULL
);

-- GB/T 4754-2017: sections, divisions, groups, classes; a parent is the code one level up.
CREATE TABLE reference.industry (
    code        varchar(5)   PRIMARY KEY,
    name        varchar(100) NOT NULL,
    level       varchar(10)  NOT NULL CHECK (level IN ('SECTION', 'DIVISION', 'GROUP', 'CLASS')),
    parent_code varchar(5)   REFERENCES reference.industry (code),
    CHECK ((level = 'SECTION') = (parent_code IS NULL))
);
CREATE INDEX industry_parent ON reference.industry (parent_code);

CREATE TABLE reference.emerging_industry (
    code     varchar(20)  PRIMARY KEY,
    name     varchar(100) NOT NULL,
    position int          NOT NULL
);

-- The industry code prefixes counted in an emerging industry. Not a foreign key to industry: the industry file
-- may be replaced on its own; the loader checks every prefix against it.
CREATE TABLE reference.emerging_industry_prefix (
    emerging_code varchar(20) NOT NULL REFERENCES reference.emerging_industry (code) ON DELETE CASCADE,
    prefix        varchar(5)  NOT NULL,
    position      int         NOT NULL,
    PRIMARY KEY (emerging_code, prefix)
);

CREATE TABLE reference.qualification_kind (
    code      varchar(40)  PRIMARY KEY,
    name      varchar(100) NOT NULL,
    issuer    varchar(100) NOT NULL,
    whitelist boolean      NOT NULL,
    position  int          NOT NULL
);
