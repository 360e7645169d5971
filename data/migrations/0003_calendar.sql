-- The calendar (SPEC §2.3): who sees patients, where, for what, and the
-- appointment book itself. Appointment times are clinic wall-clock: a plain
-- date and minutes after midnight, so 09:00 stays 09:00 across the clock
-- change. Event times (status changes, creation) are UTC.
--
-- The clinic's opening hours and calendar settings (bank-holiday region,
-- grid, DNA window) are rows of the settings table, keys 'calendar.*'.

-- Working hours are JSON: seven arrays (Sunday first, as Go's time.Weekday)
-- of [start, end] minute pairs; a break is the gap between two pairs.
CREATE TABLE clinicians (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    colour      TEXT NOT NULL DEFAULT '',
    user_id     TEXT REFERENCES users (id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    hours       TEXT NOT NULL DEFAULT '[[],[],[],[],[],[],[]]' CHECK (json_valid(hours)),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE rooms (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE appointment_types (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    colour      TEXT NOT NULL DEFAULT '',
    needs_room  INTEGER NOT NULL DEFAULT 0 CHECK (needs_room IN (0, 1)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Days the clinic is shut besides bank holidays (training day, refurbishment).
CREATE TABLE closures (
    id          TEXT PRIMARY KEY,
    from_date   TEXT NOT NULL,              -- YYYY-MM-DD, inclusive
    to_date     TEXT NOT NULL CHECK (to_date >= from_date),
    reason      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX closures_to ON closures (to_date);

-- A recurring series: the rule it was made with, for showing and for
-- "this one and all following".
CREATE TABLE appointment_series (
    id          TEXT PRIMARY KEY,
    patient_id  TEXT NOT NULL REFERENCES patients (id),
    repeat      TEXT NOT NULL CHECK (json_valid(repeat)),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX appointment_series_patient ON appointment_series (patient_id);

CREATE TABLE appointments (
    id               TEXT PRIMARY KEY,   -- UUIDv7
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    clinician_id     TEXT NOT NULL REFERENCES clinicians (id),
    room_id          TEXT REFERENCES rooms (id),
    type_id          TEXT NOT NULL REFERENCES appointment_types (id),
    date             TEXT NOT NULL,      -- YYYY-MM-DD, clinic wall-clock
    start_min        INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min          INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 1440),
    status           TEXT NOT NULL DEFAULT 'booked' CHECK (status IN
                         ('booked', 'arrived', 'in_progress', 'seen', 'dna', 'cancelled_patient', 'cancelled_clinic')),
    status_at        TEXT NOT NULL,      -- UTC
    status_by        TEXT NOT NULL,
    cancel_reason    TEXT NOT NULL DEFAULT '',
    override_reason  TEXT NOT NULL DEFAULT '',
    series_id        TEXT REFERENCES appointment_series (id),
    moved_from       TEXT NOT NULL DEFAULT '' CHECK (moved_from = '' OR json_valid(moved_from)), -- the slot first booked
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL
);
-- The day view and the clash check read one date; the week view one
-- clinician's dates; the patient's screen and the same-day check one
-- patient's; the room clash one room's. None of them scans the table.
CREATE INDEX appointments_day ON appointments (date, clinician_id, start_min);
CREATE INDEX appointments_clinician ON appointments (clinician_id, date);
CREATE INDEX appointments_patient ON appointments (patient_id, date);
CREATE INDEX appointments_room ON appointments (room_id, date) WHERE room_id IS NOT NULL;
CREATE INDEX appointments_series ON appointments (series_id, date) WHERE series_id IS NOT NULL;

-- Every status change and move, with when (UTC), who and why. A move
-- keeps the slot it left as JSON in moved_from.
CREATE TABLE appointment_status_history (
    id              INTEGER PRIMARY KEY,
    appointment_id  TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    at              TEXT NOT NULL,
    by              TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    moved_from      TEXT NOT NULL DEFAULT '' CHECK (moved_from = '' OR json_valid(moved_from))
);
CREATE INDEX appointment_status_history_appointment ON appointment_status_history (appointment_id, id);

CREATE TABLE waiting_list (
    id              TEXT PRIMARY KEY,
    patient_id      TEXT NOT NULL REFERENCES patients (id),
    priority        TEXT NOT NULL CHECK (priority IN ('urgent', 'soon', 'routine')),
    added           TEXT NOT NULL,       -- YYYY-MM-DD
    clinician_id    TEXT REFERENCES clinicians (id),
    minutes         INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    part_of_day     TEXT NOT NULL DEFAULT '' CHECK (part_of_day IN ('', 'morning', 'afternoon')),
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'offered', 'booked', 'removed')),
    appointment_id  TEXT REFERENCES appointments (id) ON DELETE SET NULL,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX waiting_list_open ON waiting_list (priority, added) WHERE status IN ('open', 'offered');
CREATE INDEX waiting_list_patient ON waiting_list (patient_id);
