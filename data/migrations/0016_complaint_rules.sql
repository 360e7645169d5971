-- Each complaint records the rule set it is handled under (SPEC §2.4):
-- the nation whose complaints procedure applies (england, wales, scotland,
-- northern-ireland) and whether the care was NHS-funded or private (nhs,
-- private); and, in Scotland, the day it went to stage 2 (YYYY-MM-DD, ''
-- while at stage 1). Complaints logged before this were handled under the
-- clinic's own nation's NHS rules: England for a clinic keeping the England
-- and Wales bank holidays (a Welsh clinic changes its complaints' nation
-- in the register), Scotland or Northern Ireland for theirs.
ALTER TABLE complaints ADD COLUMN nation TEXT NOT NULL DEFAULT 'england'
    CHECK (nation IN ('england', 'wales', 'scotland', 'northern-ireland'));
ALTER TABLE complaints ADD COLUMN funding TEXT NOT NULL DEFAULT 'nhs'
    CHECK (funding IN ('nhs', 'private'));
ALTER TABLE complaints ADD COLUMN stage2_from TEXT NOT NULL DEFAULT '';

UPDATE complaints SET nation = CASE
    (SELECT value FROM settings WHERE key = 'calendar.region')
    WHEN 'scotland' THEN 'scotland'
    WHEN 'northern-ireland' THEN 'northern-ireland'
    ELSE 'england' END;

-- A Scottish clinic's complaints were handled as investigations, with an
-- acknowledgement and a full response: they continue at stage 2, from the
-- day they were received, never sent back to a stage 1 long past.
UPDATE complaints SET stage2_from = received WHERE nation = 'scotland';
