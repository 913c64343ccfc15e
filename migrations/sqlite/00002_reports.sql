-- +goose Up
-- Citizens report ideas; past a threshold an idea is hidden pending review.
-- hidden_reason is 'reported' while it waits for a moderator (issue 3).
ALTER TABLE contribution ADD COLUMN report_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE report (
    contribution_id  INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    device_hash      TEXT NOT NULL,
    reason           TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (contribution_id, device_hash)
);

-- +goose Down
DROP TABLE report;
ALTER TABLE contribution DROP COLUMN hidden_reason;
ALTER TABLE contribution DROP COLUMN report_count;
