-- Version 1: recordings known by path and content hash; recording labels (two opinions, user or import);
-- events in time (points have start_s = end_s).
CREATE TABLE recording (
    id         INTEGER PRIMARY KEY,
    path       TEXT    NOT NULL UNIQUE,
    sha256     TEXT    NOT NULL,
    size_bytes INTEGER NOT NULL
);
CREATE INDEX recording_sha256 ON recording (sha256);

CREATE TABLE recording_label (
    recording_id INTEGER NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    source       TEXT    NOT NULL CHECK (source IN ('user', 'import')),
    opinion      INTEGER NOT NULL CHECK (opinion IN (1, 2)),
    class        TEXT,
    quality      TEXT    CHECK (quality IS NULL OR quality IN ('good', 'noisy', 'unusable')),
    notes        TEXT    NOT NULL DEFAULT '',
    labeller     TEXT    NOT NULL DEFAULT '',
    labelled_at  TEXT    NOT NULL,
    PRIMARY KEY (recording_id, source, opinion)
);

CREATE TABLE event (
    id           INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    source       TEXT    NOT NULL CHECK (source IN ('user', 'import')),
    type         TEXT    NOT NULL,
    start_s      REAL    NOT NULL,
    end_s        REAL    NOT NULL CHECK (end_s >= start_s),
    labeller     TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
);
