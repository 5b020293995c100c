-- Attachments of progress reports (PDF, PNG, JPEG, recognised by their content through platform.UploadedDocument).
CREATE TABLE supervision.report_attachment (
    id            uuid PRIMARY KEY,
    report_id     uuid         NOT NULL REFERENCES supervision.report (id),
    file_name     varchar(200) NOT NULL,
    content_type  varchar(100) NOT NULL,
    size          int          NOT NULL,
    sha256        char(64)     NOT NULL,
    content       bytea        NOT NULL
);
CREATE INDEX report_attachment_report ON supervision.report_attachment (report_id);
