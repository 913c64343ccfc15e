-- +goose Up
-- One number that every write transaction raises before it commits: a
-- server instance that kept a rendered public page knows, with one read of
-- this row, whether anything in the database changed since (see
-- server/store/data_version.go). The index lets a page ask what one device
-- supports in a process without reading every support.
CREATE TABLE data_version (
    id  INTEGER PRIMARY KEY,
    n   BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);
CREATE INDEX support_device ON support (device_hash);

-- +goose Down
DROP INDEX support_device;
DROP TABLE data_version;
