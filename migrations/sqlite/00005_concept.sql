-- +goose Up
-- From ideas to adopted measures: the project group curates contributions
-- (merge, theme, assessment, decision with a public answer) and writes the
-- Handlungskonzept in versions; the Gemeinderat's decisions are recorded.

-- A merged contribution points at the one that absorbed it and remembers
-- its status, so the merge can be undone. notify_email is optional and only
-- used to tell the citizen about status changes; it is erased with the idea.
ALTER TABLE contribution ADD COLUMN merged_into_id INTEGER REFERENCES contribution(id) ON DELETE SET NULL;
ALTER TABLE contribution ADD COLUMN status_before_merge TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN theme TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN importance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN feasibility INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN assessment_note TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN decided_at TIMESTAMP;
ALTER TABLE contribution ADD COLUMN notify_email TEXT NOT NULL DEFAULT '';
CREATE INDEX contribution_merged ON contribution (merged_into_id);

-- One version of a process's Handlungskonzept. Only a version in status
-- 'entwurf' can be edited; 'beschlossen' versions are frozen and citable.
CREATE TABLE concept_version (
    id                 INTEGER PRIMARY KEY,
    process_id         INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    number             INTEGER NOT NULL,
    status             TEXT NOT NULL DEFAULT 'entwurf',
    leitbild           TEXT NOT NULL DEFAULT '',
    created_at         TIMESTAMP NOT NULL,
    status_changed_at  TIMESTAMP NOT NULL,
    UNIQUE (process_id, number)
);

-- A decision of the council (or another body) on a version; a version may
-- be deferred first and adopted later.
CREATE TABLE council_decision (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES concept_version(id) ON DELETE CASCADE,
    decided_on   DATE NOT NULL,
    body         TEXT NOT NULL,
    agenda_item  TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL,
    amendments   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);

CREATE TABLE concept_challenge (
    version_id       INTEGER NOT NULL REFERENCES concept_version(id) ON DELETE CASCADE,
    action_field_id  INTEGER NOT NULL REFERENCES action_field(id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    PRIMARY KEY (version_id, action_field_id)
);

-- lineage_id names the same objective or measure across versions (the id
-- of its first row), so a Fortschreibung can be compared with its
-- predecessor and an idea's trail follows its measure into new versions.
CREATE TABLE objective (
    id               INTEGER PRIMARY KEY,
    version_id       INTEGER NOT NULL REFERENCES concept_version(id) ON DELETE CASCADE,
    lineage_id       INTEGER NOT NULL,
    action_field_id  INTEGER NOT NULL REFERENCES action_field(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    UNIQUE (version_id, action_field_id, position)
);

CREATE TABLE measure (
    id             INTEGER PRIMARY KEY,
    version_id     INTEGER NOT NULL REFERENCES concept_version(id) ON DELETE CASCADE,
    lineage_id     INTEGER NOT NULL,
    objective_id   INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    target_group   TEXT NOT NULL DEFAULT '',
    lead           TEXT NOT NULL DEFAULT '',
    partners       TEXT NOT NULL DEFAULT '',
    timing         TEXT NOT NULL DEFAULT 'mittelfristig',
    due_on         DATE,
    cost_estimate  TEXT NOT NULL DEFAULT '',
    funding        TEXT NOT NULL DEFAULT '',
    priority       TEXT NOT NULL DEFAULT 'mittel',
    indicator      TEXT NOT NULL DEFAULT '',
    recurrence     TEXT NOT NULL DEFAULT 'einmalig',
    status         TEXT NOT NULL DEFAULT 'geplant',
    UNIQUE (version_id, objective_id, position)
);
CREATE INDEX measure_lineage ON measure (lineage_id);

CREATE TABLE measure_source (
    measure_id       INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    contribution_id  INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    PRIMARY KEY (measure_id, contribution_id)
);
CREATE INDEX measure_source_contribution ON measure_source (contribution_id);

-- Every status change of an idea is recorded; delivery says whether an
-- e-mail went out ('pending', 'sent', 'failed', 'off' when sending is not
-- configured, 'no_address' when the citizen gave none).
CREATE TABLE notification (
    id               INTEGER PRIMARY KEY,
    contribution_id  INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    status           TEXT NOT NULL,
    delivery         TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP NOT NULL,
    sent_at          TIMESTAMP
);
CREATE INDEX notification_delivery ON notification (delivery);

-- +goose Down
DROP TABLE notification;
DROP TABLE measure_source;
DROP TABLE measure;
DROP TABLE objective;
DROP TABLE concept_challenge;
DROP TABLE council_decision;
DROP TABLE concept_version;
DROP INDEX contribution_merged;
ALTER TABLE contribution DROP COLUMN notify_email;
ALTER TABLE contribution DROP COLUMN decided_at;
ALTER TABLE contribution DROP COLUMN answer;
ALTER TABLE contribution DROP COLUMN assessment_note;
ALTER TABLE contribution DROP COLUMN feasibility;
ALTER TABLE contribution DROP COLUMN importance;
ALTER TABLE contribution DROP COLUMN theme;
ALTER TABLE contribution DROP COLUMN status_before_merge;
ALTER TABLE contribution DROP COLUMN merged_into_id;
