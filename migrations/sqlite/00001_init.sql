-- +goose Up
CREATE TABLE municipality (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE process (
    id               INTEGER PRIMARY KEY,
    municipality_id  INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    slug             TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    cycle            INTEGER NOT NULL DEFAULT 1,
    status           TEXT NOT NULL DEFAULT 'active',
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (municipality_id, slug)
);

CREATE TABLE action_field (
    id          INTEGER PRIMARY KEY,
    process_id  INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    question    TEXT NOT NULL DEFAULT '',
    colour      TEXT NOT NULL DEFAULT '#1d5c8c',
    UNIQUE (process_id, position)
);

-- A Fahrplan entry. date_precision says how much of occurs_on is meaningful:
-- 'day', 'month' or 'none' (undated entries keep their order via position).
CREATE TABLE milestone (
    id              INTEGER PRIMARY KEY,
    process_id      INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    occurs_on       DATE,
    date_precision  TEXT NOT NULL DEFAULT 'none',
    kind            TEXT NOT NULL DEFAULT 'event',
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    done            BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (process_id, position)
);

-- Everything citizens say: online ideas now, workshop cards later.
-- device_hash is a SHA-256 of the device cookie, never the cookie itself.
-- idempotency_key is globally unique: form tokens carry 128 random bits, API
-- keys are scoped by the device that sent them (see web.apiIdeaCreate).
CREATE TABLE contribution (
    id               INTEGER PRIMARY KEY,
    process_id       INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    action_field_id  INTEGER NOT NULL REFERENCES action_field(id),
    kind             TEXT NOT NULL DEFAULT 'idee',
    title            TEXT NOT NULL,
    body             TEXT NOT NULL DEFAULT '',
    origin           TEXT NOT NULL DEFAULT 'online',
    pseudonym        TEXT NOT NULL DEFAULT '',
    device_hash      TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    visibility       TEXT NOT NULL DEFAULT 'visible',
    status           TEXT NOT NULL DEFAULT 'eingereicht',
    support_count    INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (idempotency_key)
);
CREATE INDEX contribution_process_created ON contribution (process_id, created_at DESC);
CREATE INDEX contribution_process_support ON contribution (process_id, support_count DESC);
CREATE INDEX contribution_field ON contribution (action_field_id);

-- Full-text index over a normalised copy of title and body (see
-- domain.SearchText): FTS4 is compiled into mattn/go-sqlite3 without build
-- tags; docid equals contribution.id.
CREATE VIRTUAL TABLE contribution_fts USING fts4(content, tokenize=unicode61);

CREATE TABLE support (
    contribution_id  INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    device_hash      TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (contribution_id, device_hash)
);

-- Installation-wide values that every server instance must share, such as
-- the key that signs form tokens.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- +goose Down
DROP TABLE setting;
DROP TABLE support;
DROP TABLE contribution_fts;
DROP TABLE contribution;
DROP TABLE milestone;
DROP TABLE action_field;
DROP TABLE process;
DROP TABLE municipality;
