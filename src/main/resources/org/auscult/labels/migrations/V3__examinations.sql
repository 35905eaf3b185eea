-- Version 3: where and when a recording was made. An examination is one sitting with one patient; each recording
-- of it was made at one auscultation site, at a time, from an input device.
CREATE TABLE examination (
    id         INTEGER PRIMARY KEY,
    patient    TEXT    NOT NULL,
    started_at TEXT    NOT NULL
);
CREATE INDEX examination_patient ON examination (patient, started_at);
CREATE TABLE auscultation (
    recording_id   INTEGER PRIMARY KEY REFERENCES recording (id) ON DELETE CASCADE,
    examination_id INTEGER NOT NULL REFERENCES examination (id) ON DELETE CASCADE,
    site           TEXT    NOT NULL CHECK (site IN ('AV', 'PV', 'TV', 'MV', 'PhC')),
    recorded_at    TEXT    NOT NULL,
    device         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX auscultation_examination ON auscultation (examination_id);
