-- +goose Up
-- The Bilanzwerkstatt's stock-taking check ("Wo stehen wir?"): an
-- installation-wide template of items grouped by field and topic, which a
-- municipality may reword, hide or add to for itself; a round of the check
-- belongs to a process and records, per item, status, need, a note and who
-- takes care, and an item with need can become a challenge of its action
-- field for the concept. Every answer carries a version: a save that did not start
-- from the stored version is merged field by field or refused, never lost.
CREATE TABLE check_template (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);

-- A template's fields are numbered like a process's action fields: field
-- n of the template is action field n of the process.
CREATE TABLE check_field (
    id           INTEGER PRIMARY KEY,
    template_id  INTEGER NOT NULL REFERENCES check_template(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    UNIQUE (template_id, position)
);

-- An item of a template (municipality_id NULL) or one a municipality added
-- for itself.
CREATE TABLE check_item (
    id               INTEGER PRIMARY KEY,
    field_id         INTEGER NOT NULL REFERENCES check_field(id) ON DELETE CASCADE,
    municipality_id  INTEGER REFERENCES municipality(id) ON DELETE CASCADE,
    topic            TEXT NOT NULL,
    position         INTEGER NOT NULL,
    question         TEXT NOT NULL,
    hint             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX check_item_field ON check_item (field_id, position);

-- A municipality's own wording of a template item, or the item hidden.
CREATE TABLE check_item_local (
    municipality_id  INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    item_id          INTEGER NOT NULL REFERENCES check_item(id) ON DELETE CASCADE,
    question         TEXT NOT NULL DEFAULT '',
    hint             TEXT NOT NULL DEFAULT '',
    hidden           BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (municipality_id, item_id)
);

CREATE TABLE check_round (
    id           INTEGER PRIMARY KEY,
    process_id   INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    template_id  INTEGER NOT NULL REFERENCES check_template(id),
    title        TEXT NOT NULL,
    held_on      DATE NOT NULL,
    previous_id  INTEGER REFERENCES check_round(id) ON DELETE SET NULL,
    public       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX check_round_process ON check_round (process_id, held_on);

CREATE TABLE check_answer (
    round_id    INTEGER NOT NULL REFERENCES check_round(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES check_item(id) ON DELETE CASCADE,
    status      TEXT NOT NULL DEFAULT '',
    need        TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP,
    updated_by  TEXT NOT NULL DEFAULT '',
    -- the challenge of the action field the item became (linked both ways:
    -- the challenge names the round it came from through this row)
    challenge_id  INTEGER REFERENCES contribution(id) ON DELETE SET NULL,
    PRIMARY KEY (round_id, item_id)
);

-- +goose Down
DROP TABLE check_answer;
DROP TABLE check_round;
DROP TABLE check_item_local;
DROP TABLE check_item;
DROP TABLE check_field;
DROP TABLE check_template;
