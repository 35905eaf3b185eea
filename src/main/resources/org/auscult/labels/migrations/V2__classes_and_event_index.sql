-- Version 2: classes a researcher adds beside the five built-in ones, and events found by recording quickly.
CREATE TABLE label_class (
    name     TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
CREATE INDEX event_recording ON event (recording_id, start_s);
