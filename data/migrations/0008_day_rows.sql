-- A day's appointments are booked over the weeks before it, so in the
-- table (which is in booking order) they lie scattered: reading a past
-- day cost a page per appointment, about 400 pages for a busy clinic's
-- day against some 25 for the same rows side by side. This index holds
-- every column the diary reads, in day and clinician order, so a day is a
-- short run of pages whatever order it was booked in. It costs about as
-- much space again as the appointments themselves. It starts with the
-- columns of appointments_day, which it replaces (the clash check and the
-- month's counts read it too).
DROP INDEX appointments_day;
CREATE INDEX appointments_diary ON appointments (date, clinician_id, start_min, id, end_min, patient_id, type_id,
    room_id, status, status_at, status_by, cancel_reason, override_reason, series_id, moved_from, notes,
    created_at, created_by);
