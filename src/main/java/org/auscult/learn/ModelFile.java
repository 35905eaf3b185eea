package org.auscult.learn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.auscult.io.AtomicFiles;
import org.auscult.io.FileProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads {@link TrainedModel}s.
 *
 * <p>Layout (big-endian): the 13 ASCII bytes {@code AUSCULT-MODEL} and a line feed; the format version (int); the
 * payload length in bytes (long); the SHA-256 of the payload (32 bytes); the payload: the Java-serialised {@link
 * TrainedModel}, gzip-compressed. The length and digest let a truncated or damaged file be reported as such
 * instead of as a puzzling deserialisation error.
 *
 * <p>Weka models can only be stored by Java serialisation, and deserialising an untrusted stream can run code
 * through "gadget" classes, read other files, or exhaust time and memory. So a payload is first read by its
 * grammar alone ({@link StreamScan}: no object created, no class loaded), refused if it names a class outside the
 * exact list of {@link ModelClasses} or would cost more than the limits below (bytes, objects, depth, array
 * length, the memory of all arrays and strings, the unfolded weight of shared nested objects); only then is it
 * rebuilt, under an {@link ObjectInputFilter} holding the same list and limits, on a reader thread with a
 * deadline. Every refusal is a {@link ModelFileException} naming the file and the reason. See
 * docs/decisions/model-file.md.
 */
public final class ModelFile {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFile.class);

    public static final String MAGIC = "AUSCULT-MODEL";
    /** The format this version writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name extension. */
    public static final String EXTENSION = ".auscult";

    private static final byte[] HEADER_MAGIC = (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    /** Nesting of objects in objects (unpruned trees on noise reach about 100). */
    static final long MAX_DEPTH = 500;
    /** Objects, strings, arrays, class descriptors and back-references. */
    static final long MAX_REFERENCES = 5_000_000;
    /** Elements in one array. */
    static final long MAX_ARRAY_LENGTH = 10_000_000;
    /** The model file's payload as stored (compressed); the reference model takes 0.5 MB. */
    static final long MAX_PAYLOAD_BYTES = 64L * 1024 * 1024;
    /** The payload once decompressed. */
    static final long MAX_STREAM_BYTES = 256L * 1024 * 1024;
    /** The memory all arrays and strings of a model may take together. */
    static final long MAX_ALLOCATED_BYTES = 256L * 1024 * 1024;
    /**
     * The unfolded weight of a model's object graph ({@link StreamScan}): a model is nearly a tree (the designs
     * weigh at most 1.2 times their object count), while nested shared collections double with every level.
     */
    static final long MAX_UNFOLDED_WEIGHT = 2 * MAX_REFERENCES;
    /** How long checking and rebuilding a model may take; the reference model takes a fraction of a second. */
    static final double DECODE_SECONDS = 30;

    private static final String REFUSAL_NOTE = "; model files may only hold the classes of Auscult's model designs";

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file} atomically ({@link AtomicFiles}), so a reader never sees half a model.
     *
     * @param overwrite whether an existing file may be replaced
     * @throws ModelFileException when the file exists and {@code overwrite} is false, or writing fails
     */
    public static void save(TrainedModel model, Path file, boolean overwrite) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new ModelFileException(file, "the folder " + folder + " does not exist");
        }
        if (!overwrite && Files.exists(target)) {
            throw new ModelFileException(file, "already exists; choose another name or ask to overwrite it");
        }
        byte[] bytes = encode(serialise(model));
        try {
            AtomicFiles.write(target, overwrite, out -> out.write(bytes));
        } catch (FileAlreadyExistsException e) {
            throw new ModelFileException(file, "already exists; choose another name or ask to overwrite it", e);
        }
        LOG.info("Saved model to {} ({} bytes)", target, bytes.length);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws ModelFileException naming the file and the reason: not a model file, a newer format, truncated,
     *                            damaged, or holding classes outside the allow-list
     */
    public static TrainedModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a folder; name a model file" : FileProblem.of(e);
            throw new ModelFileException(file, "cannot be read: " + why, e);
        }
    }

    /**
     * Reads a model from a stream (e.g. one bundled on the class path), with the same checks as {@link #load}.
     *
     * @param file what to call the source in error messages
     */
    public static TrainedModel read(InputStream stream, Path file) throws IOException {
        return read(stream, file, DECODE_SECONDS);
    }

    /**
     * {@link #read(InputStream, Path)} with another time limit, for tests of the watchdog.
     *
     * @param seconds how long checking and rebuilding the model may take
     */
    static TrainedModel read(InputStream stream, Path file, double seconds) throws IOException {
        byte[] payload = decode(file, stream);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        FutureTask<TrainedModel> task = new FutureTask<>(() -> rebuild(payload, file, deadline));
        // Its own thread: the watchdog below can give up on it, and its stack fits the deepest graph allowed.
        Thread worker = new Thread(null, task, "model-file-reader", 64L * 1024 * 1024);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get((long) (seconds * 1e9) + 1_000_000_000L, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new ModelFileException(file, "refused: reading it took longer than " + seconds + " s");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new ModelFileException(file, "reading it was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new ModelFileException(file, "is damaged: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Checks the payload with {@link StreamScan} (nothing created, no class loaded), then rebuilds it by Java
     * deserialisation under the {@link AllowList} filter; runs on the reader thread.
     */
    private static TrainedModel rebuild(byte[] payload, Path file, long deadline) throws IOException {
        try {
            StreamScan.check(new GZIPInputStream(new ByteArrayInputStream(payload)), new ScanBudget.Limits(
                    MAX_STREAM_BYTES, MAX_REFERENCES, (int) MAX_DEPTH, MAX_ARRAY_LENGTH, MAX_ALLOCATED_BYTES,
                    MAX_UNFOLDED_WEIGHT, deadline), ModelClasses::allowed);
        } catch (ScanBudget.Refused e) {
            throw new ModelFileException(file, "refused: " + e.getMessage() + REFUSAL_NOTE, e);
        } catch (IOException e) {
            throw new ModelFileException(file, "is damaged: " + e.getMessage(), e);
        }
        AllowList filter = new AllowList(deadline);
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(payload)))) {
            in.setObjectInputFilter(filter);
            Object object = in.readObject();
            if (!(object instanceof TrainedModel model)) {
                throw new ModelFileException(file, "does not hold a model but a "
                        + (object == null ? "null" : object.getClass().getName()));
            }
            return model;
        } catch (InvalidClassException e) {
            if (filter.refusal != null) {
                throw new ModelFileException(file, "refused: " + filter.refusal + REFUSAL_NOTE, e);
            }
            throw new ModelFileException(file, "was written by an incompatible version: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException(file, "needs a class this version lacks: " + e.getMessage(), e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "is damaged: " + e, e);
        } catch (OutOfMemoryError e) { // the limits keep a model well below any sensible heap; a backstop only
            throw new ModelFileException(file, "refused: rebuilding it needs more memory than this Java has", e);
        } catch (StackOverflowError e) {
            throw new ModelFileException(file, "refused: its objects are nested too deeply to rebuild", e);
        }
    }

    static byte[] serialise(TrainedModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(buffer))) {
            out.writeObject(model);
        }
        return buffer.toByteArray();
    }

    /** The file bytes around a payload (the gzip-compressed serialised model): header, length, digest, payload. */
    static byte[] encode(byte[] payload) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(payload.length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(HEADER_MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeLong(payload.length);
            out.write(LabelledDataset.sha256().digest(payload));
            out.write(payload);
        }
        return buffer.toByteArray();
    }

    /**
     * The payload of a model file, after checking magic, version, length and digest. Reads the header first, so a
     * large file of another kind is refused without being read.
     */
    static byte[] decode(Path file, InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = in.readNBytes(HEADER_MAGIC.length);
        if (!Arrays.equals(magic, HEADER_MAGIC)) {
            throw new ModelFileException(file, "is not an Auscult model file (it does not start with " + MAGIC + ")");
        }
        try {
            int version = in.readInt();
            if (version > FORMAT_VERSION) {
                throw new ModelFileException(file, "was written by a newer Auscult (model format " + version
                        + "; this version reads formats up to " + FORMAT_VERSION + ")");
            }
            if (version < 1) {
                throw new ModelFileException(file, "has an unknown model format " + version);
            }
            long length = in.readLong();
            byte[] digest = in.readNBytes(DIGEST_BYTES);
            if (digest.length < DIGEST_BYTES) {
                throw truncated(file);
            }
            if (length < 0) {
                throw new ModelFileException(file, "is damaged: impossible payload length " + length);
            }
            if (length > MAX_PAYLOAD_BYTES) {
                throw new ModelFileException(file, "refused: a model of " + length + " bytes (at most "
                        + MAX_PAYLOAD_BYTES + ")");
            }
            byte[] payload = in.readNBytes((int) length); // grows with the data actually present
            if (payload.length < length) {
                throw new ModelFileException(file, "is truncated: the model holds " + payload.length + " of its "
                        + length + " bytes");
            }
            if (in.read() != -1) {
                throw new ModelFileException(file, "is damaged: bytes follow the end of the model");
            }
            if (!MessageDigest.isEqual(digest, LabelledDataset.sha256().digest(payload))) {
                throw new ModelFileException(file, "is damaged: its checksum does not match its contents");
            }
            return payload;
        } catch (EOFException e) {
            throw truncated(file);
        }
    }

    private static ModelFileException truncated(Path file) {
        return new ModelFileException(file, "is truncated: its header is incomplete");
    }

    /**
     * The second line of defence behind {@link StreamScan}, on the live stream: exact classes, depth, objects,
     * array lengths and the memory all arrays will take (including those collections allocate for their
     * contents), decompressed bytes and the deadline. Remembers the first refusal so the error can name it.
     */
    private static final class AllowList implements ObjectInputFilter {

        private final long deadline;
        private String refusal;
        private long arrayBytes;

        AllowList(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (System.nanoTime() - deadline > 0) {
                return refuse("reading it took longer than the time allowed");
            }
            if (info.depth() > MAX_DEPTH) {
                return refuse("object graph deeper than " + MAX_DEPTH);
            }
            if (info.references() > MAX_REFERENCES) {
                return refuse("more than " + MAX_REFERENCES + " objects");
            }
            if (info.arrayLength() > MAX_ARRAY_LENGTH) {
                return refuse("an array of " + info.arrayLength() + " elements");
            }
            if (info.streamBytes() > MAX_STREAM_BYTES) {
                return refuse("more than " + MAX_STREAM_BYTES + " bytes once decompressed");
            }
            Class<?> type = info.serialClass();
            if (type != null && !ModelClasses.allowedWhenRebuilt(type)) {
                return refuse("class " + type.getName() + " is not allowed");
            }
            if (type != null && type.isArray() && info.arrayLength() >= 0) {
                Class<?> component = type.getComponentType();
                long size = component == long.class || component == double.class ? 8
                        : component == int.class || component == float.class ? 4
                        : component == short.class || component == char.class ? 2
                        : component == byte.class || component == boolean.class ? 1 : 8;
                arrayBytes += 16 + info.arrayLength() * size;
                if (arrayBytes > MAX_ALLOCATED_BYTES) {
                    return refuse("its arrays would take more than " + MAX_ALLOCATED_BYTES / (1024 * 1024) + " MB");
                }
            }
            return Status.ALLOWED;
        }

        private Status refuse(String reason) {
            if (refusal == null) {
                refusal = reason;
            }
            return Status.REJECTED;
        }
    }
}
