-- Tasks become a real worklist (SPEC §2.6, issue 17 item 4): an optional
-- time of day, an owner that is a person OR a role ("any receptionist"),
-- a note, a snooze that keeps the first due day, a repeat rule, an
-- optional link to the referral a pathway rule made it for, and the key
-- of the rule that made it, unique, so a rule never makes one twice.
--
-- A role-owned task has no owner_id, and 0002 made that column NOT NULL,
-- which SQLite cannot change in place: the table is made again and its
-- rows copied. Follow-ups made before this keep working as tasks with no
-- time, owned by their person, not repeating. Nothing refers to tasks
-- and no trigger names it.
CREATE TABLE tasks_0021 (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT REFERENCES patients (id),
    referral_id   TEXT NOT NULL DEFAULT '',   -- a referral's id, for tasks the pathway rules make
    title         TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL,              -- YYYY-MM-DD
    due_time      TEXT NOT NULL DEFAULT '',   -- HH:MM on the clinic's clock; '' any time that day
    owner_id      TEXT REFERENCES users (id), -- a person, or
    owner_role    TEXT NOT NULL DEFAULT ''    -- everyone in a role
                  CHECK (owner_role IN ('', 'receptionist', 'manager', 'clinician')),
    snoozed_until TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD; due keeps the first due day
    repeat        TEXT NOT NULL DEFAULT '',   -- tasks.Repeat.Code(): '', 'weekly:1:mon', 'weekdays', 'monthly:1', '+working'
    rule_key      TEXT NOT NULL DEFAULT '',   -- the rule and fact that made it; '' when a person did
    done_at       TEXT NOT NULL DEFAULT '',
    done_by       TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK ((owner_id IS NULL) <> (owner_role = ''))
);
INSERT INTO tasks_0021 (id, patient_id, title, due, owner_id, done_at, done_by, created_by, created_at)
    SELECT id, patient_id, title, due, owner_id, done_at, done_by, created_by, created_at FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_0021 RENAME TO tasks;

-- The team list (open tasks by the day they are next needed), "my tasks"
-- (a person's OR their role's: done_at is in both owner indexes, not a
-- partial WHERE, so the planner reads the two and joins them rather than
-- scanning every open task), a patient's, and the rules' keys.
CREATE INDEX tasks_open ON tasks (max(due, snoozed_until), due_time) WHERE done_at = '';
CREATE INDEX tasks_owner ON tasks (owner_id, done_at, due);
CREATE INDEX tasks_role ON tasks (owner_role, done_at, due);
CREATE INDEX tasks_patient ON tasks (patient_id, due);
CREATE UNIQUE INDEX tasks_rule_key ON tasks (rule_key) WHERE rule_key <> '';
