-- +goose Up
-- Staff accounts with roles per municipality, invitations, the audit log,
-- the moderation mode per process and editable legal pages.
CREATE TABLE staff_user (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    installation_admin  BOOLEAN NOT NULL DEFAULT FALSE,
    disabled            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP NOT NULL
);

CREATE TABLE staff_role (
    user_id          INTEGER NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
    municipality_id  INTEGER NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    role             TEXT NOT NULL,
    PRIMARY KEY (user_id, municipality_id, role)
);

-- A single-use link; token_hash is the SHA-256 of the token in the link.
-- purpose 'invite' creates an account, 'reset' sets a new password.
CREATE TABLE invitation (
    token_hash       TEXT PRIMARY KEY,
    purpose          TEXT NOT NULL,
    municipality_id  INTEGER REFERENCES municipality(id) ON DELETE CASCADE,
    role             TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL,
    user_id          INTEGER REFERENCES staff_user(id) ON DELETE CASCADE,
    created_by       INTEGER REFERENCES staff_user(id) ON DELETE SET NULL,
    created_at       TIMESTAMP NOT NULL,
    expires_at       TIMESTAMP NOT NULL,
    used_at          TIMESTAMP
);

CREATE TABLE audit_entry (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER REFERENCES staff_user(id) ON DELETE SET NULL,
    user_name        TEXT NOT NULL,
    municipality_id  INTEGER REFERENCES municipality(id) ON DELETE CASCADE,
    action           TEXT NOT NULL,
    object_type      TEXT NOT NULL,
    object_id        TEXT NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX audit_entry_municipality ON audit_entry (municipality_id, created_at DESC);

-- 'post': ideas appear at once; 'pre': they wait for a moderator.
ALTER TABLE process ADD COLUMN moderation TEXT NOT NULL DEFAULT 'post';

-- Installation-wide texts an admin may replace (privacy, accessibility).
CREATE TABLE page_text (
    page  TEXT NOT NULL,
    lang  TEXT NOT NULL,
    body  TEXT NOT NULL,
    PRIMARY KEY (page, lang)
);

-- +goose Down
DROP TABLE page_text;
ALTER TABLE process DROP COLUMN moderation;
DROP TABLE audit_entry;
DROP TABLE invitation;
DROP TABLE staff_role;
DROP TABLE staff_user;
