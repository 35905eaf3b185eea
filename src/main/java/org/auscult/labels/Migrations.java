package org.auscult.labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: ordered SQL resources {@code migrations/V<n>__<what>.sql}; the version reached is the
 * single row of {@code schema_version}. Each migration runs in its own transaction together with the version update,
 * so an interrupted upgrade leaves the database at the previous version, never half-migrated.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The migration scripts in order; script i brings the schema to version i + 1. */
    static final List<String> SCRIPTS = List.of(
            "V1__recordings_labels_events.sql",
            "V2__classes_and_event_index.sql",
            "V3__examinations.sql");

    /** The schema version this code reads and writes. */
    static final int LATEST = SCRIPTS.size();

    private Migrations() {
    }

    /** The version of the schema in {@code connection}, 0 for an empty database. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                if (tables.next() && tables.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT max(version) FROM schema_version")) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /**
     * Brings the schema to {@code target} (at most {@link #LATEST}); refuses a database written by a newer Auscult.
     *
     */
    static void migrate(Connection connection, int target) throws SQLException, IOException {
        int version = currentVersion(connection);
        if (version > LATEST) {
            throw new SQLException("the database has schema version " + version + ", newer than this Auscult reads ("
                    + LATEST + "); use a newer Auscult");
        }
        while (version < target) {
            String script = SCRIPTS.get(version);
            String sqlText = read(script);
            int from = version;
            // Re-read inside the write transaction: another process may have migrated meanwhile.
            version = SqliteDatabase.transaction(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                    int now = currentVersion(connection);
                    if (now > from) {
                        return now;
                    }
                    for (String sql : statements(sqlText)) {
                        statement.executeUpdate(sql);
                    }
                    statement.executeUpdate("DELETE FROM schema_version");
                    statement.executeUpdate("INSERT INTO schema_version (version) VALUES (" + (from + 1) + ")");
                    LOG.debug("Label database migrated to schema version {} ({})", from + 1, script);
                    return from + 1;
                } catch (SQLException e) {
                    throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
                }
            });
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IOException("migration script missing from the build: migrations/" + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script at semicolons that end a line, dropping '--' comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                result.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
