-- +goose Up
-- Live workshops: a workshop of a process with phases and working groups;
-- participants (pseudonymous devices) write cards and spend dots. Cards
-- become contributions when the workshop closes.
CREATE TABLE workshop (
    id                 INTEGER PRIMARY KEY,
    process_id         INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    held_on            DATE,
    place              TEXT NOT NULL DEFAULT '',
    question           TEXT NOT NULL DEFAULT '',
    join_code          TEXT UNIQUE,
    dot_budget         INTEGER NOT NULL DEFAULT 3,
    max_dots_per_card  INTEGER NOT NULL DEFAULT 3,
    state              TEXT NOT NULL DEFAULT 'draft',
    current_phase      INTEGER NOT NULL DEFAULT 1,
    voting_open        BOOLEAN NOT NULL DEFAULT FALSE,
    tallies_visible    BOOLEAN NOT NULL DEFAULT TRUE,
    timer_ends_at      TIMESTAMP,
    timer_left_ms      INTEGER NOT NULL DEFAULT 0,
    created_at         TIMESTAMP NOT NULL
);

CREATE TABLE workshop_phase (
    workshop_id  INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    prompt       TEXT NOT NULL DEFAULT '',
    card_kind    TEXT NOT NULL,
    PRIMARY KEY (workshop_id, position)
);

CREATE TABLE working_group (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,
    action_field_id  INTEGER REFERENCES action_field(id) ON DELETE SET NULL,
    UNIQUE (workshop_id, position)
);

CREATE TABLE participant (
    id            INTEGER PRIMARY KEY,
    workshop_id   INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    group_id      INTEGER NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
    device_hash   TEXT NOT NULL,
    display_name  TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (workshop_id, device_hash)
);

CREATE TABLE cluster (
    id           INTEGER PRIMARY KEY,
    workshop_id  INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    group_id     INTEGER NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
    phase        INTEGER NOT NULL,
    title        TEXT NOT NULL
);

CREATE TABLE card (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    group_id         INTEGER NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
    phase            INTEGER NOT NULL,
    participant_id   INTEGER REFERENCES participant(id) ON DELETE SET NULL,
    kind             TEXT NOT NULL,
    text             TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL UNIQUE,
    hidden           BOOLEAN NOT NULL DEFAULT FALSE,
    cluster_id       INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
    dot_total        INTEGER NOT NULL DEFAULT 0,
    contribution_id  INTEGER REFERENCES contribution(id) ON DELETE SET NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX card_group ON card (workshop_id, group_id, phase);

-- One row per participant and card; count is how many of the participant's
-- dots lie on the card (1..max_dots_per_card).
CREATE TABLE dot (
    participant_id  INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    card_id         INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,
    phase           INTEGER NOT NULL,
    count           INTEGER NOT NULL,
    PRIMARY KEY (participant_id, card_id)
);

-- A contribution from a workshop remembers where it was written.
ALTER TABLE contribution ADD COLUMN workshop_id INTEGER REFERENCES workshop(id) ON DELETE SET NULL;
ALTER TABLE contribution ADD COLUMN group_title TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN phase_title TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN cluster_title TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN dot_total INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE contribution DROP COLUMN dot_total;
ALTER TABLE contribution DROP COLUMN cluster_title;
ALTER TABLE contribution DROP COLUMN phase_title;
ALTER TABLE contribution DROP COLUMN group_title;
ALTER TABLE contribution DROP COLUMN workshop_id;
DROP TABLE dot;
DROP TABLE card;
DROP TABLE cluster;
DROP TABLE participant;
DROP TABLE working_group;
DROP TABLE workshop_phase;
DROP TABLE workshop;
