-- Subject access requests become a register (SPEC §4.5): logged when they
-- arrive, with how identity was checked and what was asked for, the days
-- the clock stood still (a JSON list of {from, to, reason}, kept with the
-- request so a merge or deletion takes them along) and the day an
-- extension notice went, with the reason it gave. Copies made before this were of the whole record.
ALTER TABLE sar_requests ADD COLUMN identity_check TEXT NOT NULL DEFAULT '';
ALTER TABLE sar_requests ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE sar_requests ADD COLUMN pauses TEXT NOT NULL DEFAULT '[]';
ALTER TABLE sar_requests ADD COLUMN extension_sent TEXT NOT NULL DEFAULT '';
ALTER TABLE sar_requests ADD COLUMN extension_reason TEXT NOT NULL DEFAULT '';
UPDATE sar_requests SET scope = 'the whole record' WHERE scope = '';
