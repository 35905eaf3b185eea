package org.auscult.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.auscult.io.AtomicFiles;
import org.auscult.learn.RecordingFacts;

/**
 * Feature rows kept on disk so that a collection analysed once under a configuration is not analysed again: for
 * trying several model designs, or training on corpora of thousands of recordings, where the features are most
 * of the time.
 *
 * <p>One folder per analysis configuration and build of Auscult ({@code <dir>/<digest>}, the digest of the sorted
 * configuration properties and of Auscult's version), one small file per recording named by the
 * digest of its absolute path, size and modification time. A recording that changed, a different configuration or
 * another version therefore miss and are analysed afresh. Builds of one version share a folder: clear the cache
 * after changing how features are computed. A file that cannot
 * be read back counts as a miss. Files are written atomically, so an interrupted run leaves whole entries only.
 */
public final class FeatureCache {

    /** 2: the facts carry the samples' fingerprint. */
    private static final int FORMAT = 2;

    private final Path folder;
    private final int features;

    /**
     * @param dir      the cache folder (created if missing)
     * @param config   the analysis configuration the cached rows were computed under
     * @param features the number of features per row under {@code config}
     */
    public FeatureCache(Path dir, AnalysisConfig config, int features) throws IOException {
        Map<String, String> properties = new TreeMap<>(config.toProperties());
        this.folder = dir.resolve(digest(properties + "|" + codeStamp()));
        this.features = features;
        Files.createDirectories(folder);
    }

    /** The cached row of {@code input}, renamed to the input's id, label, patient and source, when there is one. */
    public Optional<FeatureRow> lookup(FeatureTableBuilder.Input input) {
        Path entry;
        try {
            entry = entryOf(input.path());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try (InputStream file = Files.newInputStream(entry); DataInputStream in = new DataInputStream(file)) {
            if (in.readInt() != FORMAT || in.readInt() != features) {
                return Optional.empty();
            }
            double[] values = new double[features];
            for (int i = 0; i < features; i++) {
                values[i] = in.readDouble();
            }
            RecordingFacts facts = new RecordingFacts(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readLong());
            return Optional.of(new FeatureRow(input.id(), input.path().toString(), input.label(), input.patient(),
                    input.source(), values, facts));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code row}, computed from {@code input}'s file. */
    public void store(FeatureTableBuilder.Input input, FeatureRow row) throws IOException {
        if (row.values().length != features || row.facts() == null) {
            return;
        }
        RecordingFacts facts = row.facts();
        AtomicFiles.write(entryOf(input.path()), true, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(FORMAT);
            out.writeInt(features);
            for (double value : row.values()) {
                out.writeDouble(value);
            }
            out.writeInt(facts.sampleRate());
            out.writeDouble(facts.durationSeconds());
            out.writeDouble(facts.rmsDbfs());
            out.writeDouble(facts.peakDbfs());
            out.writeLong(facts.audioFingerprint());
            out.flush();
        });
    }

    private Path entryOf(Path recording) throws IOException {
        Path absolute = recording.toAbsolutePath().normalize();
        return folder.resolve(digest(absolute + "|" + Files.size(absolute) + "|"
                + Files.getLastModifiedTime(absolute).toMillis()) + ".features");
    }

    /** The version of Auscult that computes the features ("development" outside a packaged build). */
    private static String codeStamp() {
        String version = FeatureCache.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static String digest(String text) {
        return digest(text, 12);
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hexadecimal: a short file name. */
    static String digest(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
