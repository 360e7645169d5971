-- A placeholder for H17P's 0023 (issue 17, branch h17p), so that this
-- branch's 0024 is in sequence. When both branches are merged this file
-- goes and h17p's 0023 stays: the two 0023s make every open fail with
-- "out of sequence" until it does.
SELECT 1;
