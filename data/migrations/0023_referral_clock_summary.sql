-- Each referral keeps a summary of its clock (issue 17, SPEC §5): what its
-- events say on any day from the last of them on, as app/pathways'
-- Summarize reads it. It is a cache of the rules, written in the same
-- transaction as every event and referral added, so the tracking list and
-- Today read one row per pathway instead of every event. NULL status:
-- not summed up yet (a file from before this migration); the store fills
-- those when the file is opened, and a read that meets one reads its
-- events instead. Dates are YYYY-MM-DD, '' for none.
ALTER TABLE referrals ADD COLUMN clock_status TEXT CHECK (clock_status IN ('none', 'problem', 'running', 'stopped', 'nullified'));
ALTER TABLE referrals ADD COLUMN clock_problem TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_last_event TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_received TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_start TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_stop TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_stopped_by TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_breach TEXT NOT NULL DEFAULT '';   -- the treat-by date
ALTER TABLE referrals ADD COLUMN clock_first_booked TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_first_attended TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_decided_to_treat TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_left_on TEXT NOT NULL DEFAULT '';  -- transferred, or discharged after a DNA
ALTER TABLE referrals ADD COLUMN clock_left_by TEXT NOT NULL DEFAULT '';
-- The cancer standards: due '' where one does not apply; on is the day an
-- event met or missed it, '' while nothing has.
ALTER TABLE referrals ADD COLUMN fds_due TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN fds_on TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN treat62_due TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN treat62_on TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN treat31_due TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN treat31_on TEXT NOT NULL DEFAULT '';
-- 1: a referral in the tracking list shows while it is open (a clock
-- still this clinic's to move, events to check, or a pathway with no
-- national clock).
ALTER TABLE referrals ADD COLUMN on_list INTEGER NOT NULL DEFAULT 0 CHECK (on_list IN (0, 1));

-- The tracking list and Today's card: the open pathways on the list, by
-- treat-by date. The rules' tasks read running clocks the same way.
CREATE INDEX referrals_ptl ON referrals (clock_breach) WHERE on_list = 1 AND status <> 'closed';
CREATE INDEX referrals_unsummarised ON referrals (id) WHERE clock_status IS NULL;
-- An open referral with an event after the day the list is read (the
-- computer's clock put back) shows on it, as its events cannot be read.
CREATE INDEX referrals_last_event ON referrals (clock_last_event) WHERE status <> 'closed';
