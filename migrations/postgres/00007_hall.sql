-- +goose Up
-- The hall: a card keeps its action field (inherited from its working
-- group when it is written, changed by the moderator), a phase says what
-- its cards become when the workshop closes (Kritik: the field's
-- challenges; the other phases: ideas), and a card typed in from paper
-- says so.
ALTER TABLE card ADD COLUMN action_field_id INTEGER REFERENCES action_field(id) ON DELETE SET NULL;
ALTER TABLE card ADD COLUMN paper BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workshop_phase ADD COLUMN becomes TEXT NOT NULL DEFAULT 'idea';
UPDATE workshop_phase SET becomes = 'challenge' WHERE card_kind = 'kritik';
UPDATE card SET action_field_id = (SELECT g.action_field_id FROM working_group g WHERE g.id = card.group_id);

-- A workshop may take several days (a Strategiewerkstatt on 28 July and
-- 22 September), each with its hours in the installation's time zone
-- ("18:30", "" when not fixed). workshop.held_on stays the first day.
CREATE TABLE workshop_day (
    workshop_id  INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    day          DATE NOT NULL,
    starts       TEXT NOT NULL DEFAULT '',
    ends         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (workshop_id, day)
);
INSERT INTO workshop_day (workshop_id, day) SELECT id, held_on FROM workshop WHERE held_on IS NOT NULL;

-- +goose Down
DROP TABLE workshop_day;
ALTER TABLE workshop_phase DROP COLUMN becomes;
ALTER TABLE card DROP COLUMN paper;
ALTER TABLE card DROP COLUMN action_field_id;
