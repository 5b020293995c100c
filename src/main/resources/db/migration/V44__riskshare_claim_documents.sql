-- Documents a bank attaches to a compensation claim (补偿申请材料): checked by content (PDF, PNG, JPEG) and size
-- before they are kept; stored in the database under a random id, never in a served folder.
CREATE TABLE riskshare.claim_document (
    id             uuid PRIMARY KEY,
    claim_id       uuid          NOT NULL,
    document_type  varchar(100)  NOT NULL,
    file_name      varchar(200)  NOT NULL,
    content_type   varchar(60)   NOT NULL,
    size_bytes     int           NOT NULL CHECK (size_bytes > 0),
    sha256         char(64)      NOT NULL,
    content        bytea         NOT NULL,
    uploaded_by    varchar(100)  NOT NULL,
    uploaded_at    timestamptz   NOT NULL
);
CREATE INDEX claim_document_claim ON riskshare.claim_document (claim_id, uploaded_at);
