-- +goose Up
-- Implementation and quality assurance: reports on measures, occurrences of
-- recurring measures, reviews of the whole concept. Reports, occurrences and
-- ratings belong to a measure's lineage, so they follow it into every
-- later version of the concept.

-- A status report. new_date is the realistic date of a postponed measure.
CREATE TABLE measure_report (
    id               INTEGER PRIMARY KEY,
    process_id       INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    lineage_id       INTEGER NOT NULL,
    reported_on      DATE NOT NULL,
    status           TEXT NOT NULL,
    text             TEXT NOT NULL DEFAULT '',
    indicator_value  TEXT NOT NULL DEFAULT '',
    progress         INTEGER,
    new_date         DATE,
    author_id        INTEGER REFERENCES staff_user(id) ON DELETE SET NULL,
    author_name      TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX measure_report_lineage ON measure_report (lineage_id, reported_on);
CREATE INDEX measure_report_process ON measure_report (process_id, created_at);

-- One time a recurring measure took place (the Backhaustag in spring).
CREATE TABLE measure_occurrence (
    id           INTEGER PRIMARY KEY,
    process_id   INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    lineage_id   INTEGER NOT NULL,
    occurred_on  DATE NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    attendance   INTEGER,
    author_name  TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (lineage_id, occurred_on)
);

-- A dated review of the whole concept (Ergebniswerkstatt).
CREATE TABLE concept_review (
    id          INTEGER PRIMARY KEY,
    process_id  INTEGER NOT NULL REFERENCES process(id) ON DELETE CASCADE,
    version_id  INTEGER NOT NULL REFERENCES concept_version(id) ON DELETE CASCADE,
    held_on     DATE NOT NULL,
    title       TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);

-- effect: 1 (little) to 3 (strong), 0 not rated; recommendation:
-- 'fortfuehren', 'anpassen' or 'beenden'.
CREATE TABLE review_rating (
    review_id       INTEGER NOT NULL REFERENCES concept_review(id) ON DELETE CASCADE,
    lineage_id      INTEGER NOT NULL,
    effect          INTEGER NOT NULL DEFAULT 0,
    recommendation  TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, lineage_id)
);

-- +goose Down
DROP TABLE review_rating;
DROP TABLE concept_review;
DROP TABLE measure_occurrence;
DROP TABLE measure_report;
