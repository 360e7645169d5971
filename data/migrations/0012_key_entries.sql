-- Which keyring entry is the real one for each user and for the recovery
-- key (issue 11). The keyring file beside the clinic file cannot be
-- trusted to say so by itself: a crash between writing it and committing
-- here, or an old copy put back over it, would let a changed password or a
-- disabled user's entry in again. The database decides: an entry opens the
-- clinic only while its fingerprint (a hash of its public key and the
-- wrapping of its private key) is the one recorded here.
CREATE TABLE key_entries (
    entry_id     TEXT PRIMARY KEY,   -- "recovery" or "user:<login name>"
    fingerprint  TEXT NOT NULL,      -- hex SHA-256 of the entry's fixed part
    updated_at   TEXT NOT NULL       -- UTC
);
