package org.auscult.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.slf4j.LoggerFactory;

/**
 * The SQLite side of the label store: opening a database file (with the pragmas that make it durable and the
 * retries a fresh file needs when several processes open it at once), migrating it, transactions and statements.
 * Kept apart from {@link LabelStore}, which knows what recordings, labels and events are, so that each can be read
 * without the other.
 */
final class SqliteDatabase implements AutoCloseable {

    /** How long a writer waits for another writer's lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** A piece of work inside one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Makes one value of the current row of a query. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    /** The migrated copy an older database is read from, deleted on close; null when the file itself is open. */
    private final Path temporaryCopy;

    private SqliteDatabase(Path file, Connection connection) {
        this(file, connection, null);
    }

    private SqliteDatabase(Path file, Connection connection, Path temporaryCopy) {
        this.file = file;
        this.connection = connection;
        this.temporaryCopy = temporaryCopy;
    }

    /** Opens (creating folder and file on first use) and migrates to {@code schemaVersion}. */
    static SqliteDatabase open(Path file, int schemaVersion) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Properties properties = new Properties();
            properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
            long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
            for (int attempt = 1; ; attempt++) {
                Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                    statement.execute("PRAGMA journal_mode = WAL");
                    statement.execute("PRAGMA synchronous = FULL");
                    statement.execute("PRAGMA foreign_keys = ON");
                    Migrations.migrate(connection, schemaVersion);
                    LOG.debug("Label database {} open", absolute);
                    return new SqliteDatabase(absolute, connection);
                } catch (SQLException e) {
                    connection.close();
                    // Switching a fresh file to WAL needs a moment alone with it: SQLite answers "busy" at once,
                    // without waiting on the busy timeout, when another process opens the same new file then.
                    if (!isBusy(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LOG.debug("Label database {} busy while opening (attempt {}), retrying", absolute, attempt);
                    sleepBeforeRetry(attempt);
                } catch (IOException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
        } catch (SQLException | IOException e) {
            throw new LabelStoreException(absolute, "cannot open the label database: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing label database for reading only: nothing is created, migrated or written, so a file that is
     * not a label database (empty, or not SQLite at all) is refused as such and left as it was. A label database of
     * an older schema is read from a copy brought to the latest schema, since this code reads no other; the file
     * itself stays at its version, so the Auscult that wrote it can still open it.
     */
    static SqliteDatabase openForReading(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new LabelStoreException(absolute, "is a folder, not a label database", null);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new LabelStoreException(absolute, "no label database there", null);
        }
        int version = schemaVersionOf(absolute);
        if (version == 0) {
            throw new LabelStoreException(absolute, "not a label database (it holds no Auscult labels schema)", null);
        }
        if (version > Migrations.LATEST) {
            throw new LabelStoreException(absolute, "the database has schema version " + version + ", newer than "
                    + "this Auscult reads (" + Migrations.LATEST + "); use a newer Auscult", null);
        }
        if (version < Migrations.LATEST) {
            return upgradedCopy(absolute);
        }
        try {
            return new SqliteDatabase(absolute, readOnlyConnection(absolute));
        } catch (SQLException e) {
            throw new LabelStoreException(absolute, "cannot open the label database: " + e.getMessage(), e);
        }
    }

    /** {@code file} copied by SQLite's online backup into the temporary folder, migrated there and opened to read. */
    private static SqliteDatabase upgradedCopy(Path file) {
        Path copy = null;
        try {
            copy = Files.createTempFile("auscult-labels-", ".db");
            try (Connection source = readOnlyConnection(file); Statement statement = source.createStatement()) {
                statement.executeUpdate("backup to \"" + copy + "\"");
            }
            open(copy, Migrations.LATEST).close();
            return new SqliteDatabase(file, readOnlyConnection(copy), copy);
        } catch (SQLException | IOException | LabelStoreException e) {
            deleteCopy(copy);
            throw new LabelStoreException(file, "cannot read the label database of an older schema: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a temporary copy and the journal files SQLite may have left beside it. */
    private static void deleteCopy(Path copy) {
        if (copy == null) {
            return;
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(copy + suffix));
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary copy {}: {}", copy + suffix, e.getMessage());
            }
        }
    }

    /** The labels schema version in {@code file}, 0 when it holds none; refuses a file that is not SQLite. */
    private static int schemaVersionOf(Path file) {
        try (Connection connection = readOnlyConnection(file)) {
            return Migrations.currentVersion(connection);
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw new LabelStoreException(file, "not a label database (not an SQLite file)", e);
            }
            throw new LabelStoreException(file, "cannot open the label database: " + e.getMessage(), e);
        }
    }

    private static Connection readOnlyConnection(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return DriverManager.getConnection("jdbc:sqlite:" + readingName(file), config.toProperties());
    }

    /**
     * The name to read {@code file} by. Without a write-ahead log beside it the file holds every committed change,
     * and is opened immutable: SQLite then makes no {@code -wal} or {@code -shm} file beside it. Those would be left
     * behind with the permissions of the file, so a read-only file would keep every later writer out once made
     * writable again, and in a read-only folder they cannot be made at all. With a log, a writer is at work or
     * stopped mid-way, and the log must be read through them.
     */
    private static String readingName(Path file) {
        return Files.exists(Path.of(file + "-wal")) ? file.toString() : file.toUri() + "?immutable=1";
    }

    /** SQLITE_BUSY (5) or SQLITE_LOCKED (6), with or without their extended codes. */
    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 6 || String.valueOf(e.getMessage()).contains("database is locked");
    }

    private static void sleepBeforeRetry(int attempt) throws SQLException {
        try {
            Thread.sleep(Math.min(200, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the label database", e);
        }
    }

    Path file() {
        return file;
    }

    /** The schema version of the open database. */
    int schemaVersion() {
        return read(() -> Migrations.currentVersion(connection));
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok" for a sound database, else the problems found. */
    String integrityCheck() {
        return read(() -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                return String.join("; ", all(rows, row -> row.getString(1)));
            }
        });
    }

    /** Runs {@code work} as one write transaction, committed before this returns. */
    <T> T write(SqlWork<T> work) {
        try {
            return transaction(connection, work);
        } catch (SQLException e) {
            throw new LabelStoreException(file, e.getMessage(), e);
        }
    }

    /** Runs {@code work} outside a transaction (a read), turning SQL errors into {@link LabelStoreException}. */
    <T> T read(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new LabelStoreException(file, e.getMessage(), e);
        }
    }

    /**
     * {@code BEGIN IMMEDIATE}, the work, {@code COMMIT}; rollback on failure. IMMEDIATE takes the write lock at the
     * start, so two writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
     */
    static <T> T transaction(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        boolean committed = false;
        try {
            T result = work.run();
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
            committed = true;
            return result;
        } finally {
            if (!committed) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollbackFailed) {
                    LOG.warn("Rollback failed: {}", rollbackFailed.getMessage());
                }
            }
        }
    }

    /** Every row of the query {@code sql} with {@code parameters}, each made by {@code reader}, in order. */
    <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return all(rows, reader);
        }
    }

    private static <T> List<T> all(ResultSet rows, RowReader<T> reader) throws SQLException {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
            result.add(reader.read(rows));
        }
        return result;
    }

    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    long insert(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Closes the connection (SQLite checkpoints the write-ahead log when the last connection closes). */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing {} failed: {}", file, e.getMessage());
        }
        deleteCopy(temporaryCopy);
    }
}
