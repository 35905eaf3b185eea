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
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.auscult.io.AtomicFiles;
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
 * through "gadget" classes. So reading is restricted by an {@link ObjectInputFilter} to an allow-list ({@code
 * weka.*}, {@code java.util.*}, {@code org.auscult.learn.*}, boxed primitives, {@code String}, arrays of these and
 * of primitives) with limits on depth, references, array length and size; anything else is refused before any
 * instance of it is created (and before its class is initialised).
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

    static final long MAX_DEPTH = 500;
    static final long MAX_REFERENCES = 20_000_000;
    static final long MAX_ARRAY_LENGTH = 10_000_000;
    static final long MAX_STREAM_BYTES = 1_000_000_000L;

    private static final List<String> ALLOWED_PACKAGES = List.of("weka.", "java.util.", "org.auscult.learn.");
    private static final Set<String> ALLOWED_CLASSES = Set.of("java.lang.String", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.Enum", "java.lang.Object");

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
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a stream (e.g. one bundled on the class path), with the same checks as {@link #load}.
     *
     * @param file what to call the source in error messages
     */
    public static TrainedModel read(InputStream stream, Path file) throws IOException {
        byte[] payload = decode(file, stream);
        AllowList filter = new AllowList();
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
                throw new ModelFileException(file, "refused: " + filter.refusal
                        + "; model files may only hold Weka and Auscult model classes", e);
            }
            throw new ModelFileException(file, "was written by an incompatible version: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException(file, "needs a class this version lacks: " + e.getMessage(), e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "is damaged: " + e, e);
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
            if (length < 0 || length > MAX_STREAM_BYTES) {
                throw new ModelFileException(file, "is damaged: impossible payload length " + length);
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

    /** Whether deserialisation may create instances of {@code type} (or arrays of it). */
    static boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        String name = element.getName();
        return ALLOWED_CLASSES.contains(name) || ALLOWED_PACKAGES.stream().anyMatch(name::startsWith);
    }

    /** The allow-list and limits; remembers the first refusal so the error can name it. */
    private static final class AllowList implements ObjectInputFilter {

        private String refusal;

        @Override
        public Status checkInput(FilterInfo info) {
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
                return refuse("more than " + MAX_STREAM_BYTES + " bytes");
            }
            Class<?> type = info.serialClass();
            if (type != null && !isAllowed(type)) {
                return refuse("class " + type.getName() + " is not allowed");
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
