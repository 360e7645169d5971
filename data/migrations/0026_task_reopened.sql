-- A task the rules marked done that a manager opens again is the
-- manager's word that the work is not finished: the rules must not close
-- it a second time on their next run (issue 17). reopened_by keeps who
-- opened it (a username); the rules close only tasks with none.
ALTER TABLE tasks ADD COLUMN reopened_by TEXT NOT NULL DEFAULT '';
