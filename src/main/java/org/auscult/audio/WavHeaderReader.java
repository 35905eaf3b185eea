package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Walks the chunks of a RIFF/WAVE file and validates its fmt chunk, reading only chunk headers and the fmt body.
 *
 * <p>Every size in the file is treated as a claim to be checked against the bytes the file really holds: no
 * buffer is ever sized from a declared length, and each step moves forward by at least one chunk header, so a
 * hostile file cannot make the walk allocate, loop or seek without bound.
 */
final class WavHeaderReader {

    /**
     * Bytes read in one go from the start of the file when the samples will follow: a short recording (up to
     * about 8 s of 16-bit mono at 4 kHz) is then read with a single call.
     */
    static final int DECODE_PREFIX_BYTES = 64 * 1024;

    /** Bytes read from the start when only the header is wanted: enough for the chunks before the samples. */
    static final int HEADER_PREFIX_BYTES = 4 * 1024;

    /** A file with more chunks than this before its data is not a recording anyone made on purpose. */
    static final int MAX_CHUNKS = 10_000;

    private static final int CHUNK_HEADER_BYTES = 8;
    private static final int RIFF_HEADER_BYTES = 12;
    private static final int FMT_MIN_BYTES = 16;
    /** Every fmt field this decoder reads lies in the first 40 bytes (those of WAVEFORMATEXTENSIBLE). */
    private static final int FMT_EXTENSIBLE_BYTES = 40;

    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID derived from a wFormatTag (xxxxxxxx-0000-0010-8000-00aa00389b71). */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** A parsed header: the format, the bytes already read from the start of the file, and what was tolerated. */
    record Header(WavFormat format, ByteBuffer prefix, List<String> warnings) {
    }

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer prefix;
    private final List<String> warnings = new ArrayList<>();

    private WavHeaderReader(Path file, FileChannel channel, int prefixBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.fileSize = channel.size();
        this.prefix = readAt(0, (int) Math.min(fileSize, prefixBytes));
    }

    /**
     * Reads and validates the header of {@code file}, whose contents {@code channel} gives, reading the first
     * {@code prefixBytes} in one go (the rest of the header, if any, is read chunk by chunk).
     */
    static Header read(Path file, FileChannel channel, int prefixBytes) throws IOException {
        WavHeaderReader reader = new WavHeaderReader(file, channel, prefixBytes);
        WavFormat format = reader.parse();
        return new Header(format, reader.prefix, List.copyOf(reader.warnings));
    }

    private UnreadableAudioException refuse(String problem) {
        return new UnreadableAudioException(file, problem);
    }

    private WavFormat parse() throws IOException {
        checkRiffWaveSignature();
        long riffEnd = CHUNK_HEADER_BYTES + uint32(prefix, 4);
        if (riffEnd != fileSize) {
            warnings.add(String.format(Locale.ROOT,
                    "RIFF header declares %d bytes but the file holds %d; read the chunks that are present",
                    riffEnd, fileSize));
        }

        List<String> chunkIds = new ArrayList<>();
        FmtFields fmt = null;
        long dataOffset = -1;
        long declaredDataBytes = 0;
        long presentDataBytes = 0;
        long position = RIFF_HEADER_BYTES;
        long unpaddedEnd = -1; // where the previous odd-sized chunk would end if its writer forgot the pad byte
        String stoppedEarly = ""; // why the walk ended before the end of the file, for a refusal to mention

        while (position + CHUNK_HEADER_BYTES <= fileSize) {
            if (chunkIds.size() == MAX_CHUNKS) {
                if (fmt != null && dataOffset >= 0) {
                    warnings.add("the file has more than " + MAX_CHUNKS + " chunks; ignored the ones after that");
                    break;
                }
                throw refuse("more than " + MAX_CHUNKS + " chunks before the fmt and data chunks; not a usable WAV file");
            }
            ByteBuffer chunkHeader = readAt(position, CHUNK_HEADER_BYTES);
            String id = fourCc(chunkHeader, 0);
            if (!isChunkId(id)) {
                if (unpaddedEnd == position - 1 && isChunkId(fourCc(readAt(unpaddedEnd, 4), 0))) {
                    warnings.add(String.format(Locale.ROOT, "chunk '%s' has an odd size but no pad byte after it;"
                            + " read on from where it ends", printable(chunkIds.get(chunkIds.size() - 1))));
                    position = unpaddedEnd;
                    unpaddedEnd = -1;
                    continue;
                }
                stoppedEarly = describeLeftover(position, riffEnd);
                warnings.add(stoppedEarly);
                break;
            }
            chunkIds.add(id);
            long declaredSize = uint32(chunkHeader, 4);
            long bodyOffset = position + CHUNK_HEADER_BYTES;
            long bytesLeft = fileSize - bodyOffset;

            if (id.equals("fmt ")) {
                if (fmt == null) {
                    fmt = parseFmt(readAt(bodyOffset, (int) Math.min(Math.min(declaredSize, bytesLeft), FMT_EXTENSIBLE_BYTES)),
                            declaredSize, bytesLeft);
                } else {
                    warnings.add("the file has more than one fmt chunk; used the first");
                }
            } else if (id.equals("data")) {
                if (dataOffset < 0) {
                    dataOffset = bodyOffset;
                    declaredDataBytes = declaredSize;
                    presentDataBytes = Math.min(declaredSize, bytesLeft);
                } else {
                    warnings.add("the file has more than one data chunk; decoded the first");
                }
            }

            if (declaredSize > bytesLeft) {
                if (!id.equals("data")) {
                    stoppedEarly = String.format(Locale.ROOT, "chunk '%s' at byte %d declares %d bytes but only %d"
                            + " remain in the file", printable(id), position, declaredSize, bytesLeft);
                    warnings.add(stoppedEarly + "; ignored it");
                }
                break;
            }
            position = bodyOffset + declaredSize + (declaredSize & 1);
            unpaddedEnd = (declaredSize & 1) == 1 ? position - 1 : -1;
            if (position < fileSize && position + CHUNK_HEADER_BYTES > fileSize) {
                warnings.add(describeLeftover(position, riffEnd));
            }
        }

        if (fmt == null) {
            throw refuse("no fmt chunk, so the sample format is unknown " + describeWalk(chunkIds, stoppedEarly));
        }
        if (dataOffset < 0) {
            throw refuse("no data chunk, so there are no samples " + describeWalk(chunkIds, stoppedEarly));
        }
        if (declaredDataBytes == 0) {
            throw refuse("data chunk is 0 bytes: the recording holds no samples");
        }
        long frameCount = presentDataBytes / fmt.blockAlign;
        if (frameCount == 0) {
            throw refuse(String.format(Locale.ROOT, "data chunk holds %d bytes, less than one frame of %d bytes",
                    presentDataBytes, fmt.blockAlign));
        }
        long frameBytes = frameCount * fmt.blockAlign;
        if (presentDataBytes < declaredDataBytes) {
            warnings.add(String.format(Locale.ROOT, "data chunk declares %d bytes but the file holds %d; decoded"
                    + " the %d complete frames present", declaredDataBytes, presentDataBytes, frameCount));
        } else if (frameBytes < presentDataBytes) {
            warnings.add(String.format(Locale.ROOT, "data chunk size %d is not a multiple of the %d-byte frame;"
                    + " ignored the last %d bytes", presentDataBytes, fmt.blockAlign, presentDataBytes - frameBytes));
        }
        return new WavFormat(WavFormat.Container.WAV, fmt.encoding, fmt.formatTag, fmt.subFormatTag, fmt.bitsPerSample,
                fmt.validBitsPerSample, fmt.channels, fmt.sampleRate, fmt.blockAlign, frameCount, dataOffset,
                declaredDataBytes, presentDataBytes, chunkIds);
    }

    /** A warning about bytes from {@code position} to the end of the file that are not a chunk. */
    private String describeLeftover(long position, long riffEnd) {
        long leftover = fileSize - position;
        return position >= riffEnd
                ? String.format(Locale.ROOT, "ignored %d bytes after the end of the RIFF chunk", leftover)
                : String.format(Locale.ROOT, "stopped reading chunks at byte %d: the %d bytes from there on are not"
                        + " a chunk", position, leftover);
    }

    private void checkRiffWaveSignature() throws UnreadableAudioException {
        if (fileSize == 0) {
            throw refuse("file is empty (0 bytes)");
        }
        String magic = fileSize >= 4 ? fourCc(prefix, 0) : "";
        if (!magic.equals("RIFF")) {
            throw refuse(FormatNames.describeForeignFile(prefix));
        }
        if (fileSize < RIFF_HEADER_BYTES) {
            throw refuse("file is only " + fileSize + " bytes long, too short for a RIFF/WAVE header");
        }
        String form = fourCc(prefix, 8);
        if (!form.equals("WAVE")) {
            throw refuse("RIFF file of type '" + printable(form) + "', not WAVE: not a WAV file");
        }
    }

    /** The fmt fields, validated. */
    private record FmtFields(WavFormat.Encoding encoding, int formatTag, int subFormatTag, int bitsPerSample,
                             int validBitsPerSample, int channels, int sampleRate, int blockAlign) {
    }

    private FmtFields parseFmt(ByteBuffer body, long declaredSize, long bytesLeft) throws UnreadableAudioException {
        int length = body.remaining();
        if (length < FMT_MIN_BYTES) {
            throw refuse(declaredSize > bytesLeft
                    ? "fmt chunk is cut off by the end of the file after " + length + " bytes; at least "
                    + FMT_MIN_BYTES + " are needed"
                    : "fmt chunk is too short: " + declaredSize + " bytes, at least " + FMT_MIN_BYTES + " are needed");
        }
        int formatTag = uint16(body, 0);
        int channels = uint16(body, 2);
        long sampleRate = uint32(body, 4);
        long byteRate = uint32(body, 8);
        int blockAlign = uint16(body, 12);
        int bitsPerSample = uint16(body, 14);
        int validBits = bitsPerSample;
        int subFormatTag = formatTag;

        if (formatTag == WavFormat.WAVE_FORMAT_EXTENSIBLE) {
            if (length < FMT_EXTENSIBLE_BYTES) {
                throw refuse("fmt chunk says WAVE_FORMAT_EXTENSIBLE but holds only " + length + " bytes; "
                        + FMT_EXTENSIBLE_BYTES + " are needed for its sub-format");
            }
            int declaredValidBits = uint16(body, 18);
            validBits = declaredValidBits == 0 ? bitsPerSample : declaredValidBits;
            subFormatTag = uint16(body, 24);
            for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                if (body.get(26 + i) != SUBFORMAT_GUID_TAIL[i]) {
                    throw refuse("WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID " + guid(body, 24)
                            + "; only the PCM and IEEE float sub-formats can be decoded");
                }
            }
        }

        WavFormat.Encoding encoding;
        if (subFormatTag == WavFormat.WAVE_FORMAT_PCM) {
            encoding = WavFormat.Encoding.PCM_INTEGER;
        } else if (subFormatTag == WavFormat.WAVE_FORMAT_IEEE_FLOAT) {
            encoding = WavFormat.Encoding.IEEE_FLOAT;
        } else {
            String which = formatTag == WavFormat.WAVE_FORMAT_EXTENSIBLE
                    ? "WAVE_FORMAT_EXTENSIBLE sub-format " : "format tag ";
            throw refuse("unsupported " + which + FormatNames.describeFormatTag(subFormatTag) + "; only PCM (1), IEEE float (3)"
                    + " and WAVE_FORMAT_EXTENSIBLE (0xFFFE) with a PCM or float sub-format can be decoded");
        }

        if (channels == 0) {
            throw refuse("fmt chunk declares 0 channels");
        }
        if (channels > WavDecoder.MAX_CHANNELS) {
            throw refuse("fmt chunk declares " + channels + " channels; at most " + WavDecoder.MAX_CHANNELS
                    + " are supported");
        }
        if (sampleRate < WavDecoder.MIN_SAMPLE_RATE || sampleRate > WavDecoder.MAX_SAMPLE_RATE) {
            throw refuse("sample rate " + sampleRate + " Hz is outside the supported range "
                    + WavDecoder.MIN_SAMPLE_RATE + " to " + WavDecoder.MAX_SAMPLE_RATE + " Hz");
        }
        if (bitsPerSample == 0) {
            throw refuse("fmt chunk declares 0 bits per sample");
        }
        if (encoding == WavFormat.Encoding.PCM_INTEGER
                && bitsPerSample != 8 && bitsPerSample != 16 && bitsPerSample != 24 && bitsPerSample != 32) {
            throw refuse(bitsPerSample + "-bit PCM is not supported; PCM samples must be 8, 16, 24 or 32 bits"
                    + " (WAVE_FORMAT_EXTENSIBLE can declare fewer valid bits inside such a container)");
        }
        if (encoding == WavFormat.Encoding.IEEE_FLOAT && bitsPerSample != 32 && bitsPerSample != 64) {
            throw refuse(bitsPerSample + "-bit IEEE float is not supported; float samples must be 32 or 64 bits");
        }
        if (validBits > bitsPerSample) {
            throw refuse("fmt chunk declares " + validBits + " valid bits in a " + bitsPerSample + "-bit sample");
        }
        if (encoding == WavFormat.Encoding.IEEE_FLOAT && validBits != bitsPerSample) {
            throw refuse("fmt chunk declares " + validBits + " valid bits in a " + bitsPerSample
                    + "-bit float; a float sample uses all its bits");
        }
        int frameBytes = channels * (bitsPerSample / 8);
        if (blockAlign == 0) {
            throw refuse("fmt chunk declares a block align of 0 bytes per frame");
        }
        if (blockAlign != frameBytes) {
            throw refuse(String.format(Locale.ROOT, "block align %d does not match %d channel(s) of %d bits"
                    + " (%d bytes per frame)", blockAlign, channels, bitsPerSample, frameBytes));
        }
        if (byteRate != sampleRate * blockAlign) {
            warnings.add(String.format(Locale.ROOT, "fmt chunk declares %d bytes per second where %d Hz x %d bytes"
                    + " per frame makes %d; ignored it", byteRate, sampleRate, blockAlign, sampleRate * blockAlign));
        }
        return new FmtFields(encoding, formatTag, subFormatTag, bitsPerSample, validBits, channels,
                (int) sampleRate, blockAlign);
    }

    /**
     * Up to {@code length} bytes from {@code position} (fewer at the end of the file), little-endian. Served from
     * the prefix when it holds them, otherwise read from the channel into a buffer of the length asked for, which
     * callers bound by what the file holds.
     */
    private ByteBuffer readAt(long position, int length) throws IOException {
        int wanted = (int) Math.max(0, Math.min(length, fileSize - position));
        if (prefix != null && position + wanted <= prefix.limit()) {
            return prefix.slice((int) position, wanted).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer buffer = ByteBuffer.allocate(wanted).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, buffer, position);
        return buffer.flip();
    }

    /** Fills {@code buffer} from {@code position}, stopping early only at the end of the file. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }

    static int uint16(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt(buffer.getShort(index));
    }

    static long uint32(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong(buffer.getInt(index));
    }

    static String fourCc(ByteBuffer buffer, int index) {
        byte[] bytes = new byte[4];
        buffer.get(index, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** RIFF chunk ids are four printable ASCII characters (padded with spaces). */
    private static boolean isChunkId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return id.length() == 4;
    }

    /** A chunk id as people can read it: non-printable bytes as \xNN. */
    static String printable(String id) {
        StringBuilder text = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c <= 0x7E) {
                text.append(c);
            } else {
                text.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            }
        }
        return text.toString();
    }

    /** "(chunks found: 'fmt ', 'LIST')", and why the walk stopped early if it did. */
    private static String describeWalk(List<String> ids, String stoppedEarly) {
        String quoted = ids.stream().map(id -> "'" + printable(id) + "'").collect(Collectors.joining(", "));
        return "(chunks found: " + (ids.isEmpty() ? "none" : quoted) + ")"
                + (stoppedEarly.isEmpty() ? "" : "; " + stoppedEarly);
    }

    private static String guid(ByteBuffer body, int index) {
        return String.format(Locale.ROOT, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                body.getInt(index), body.getShort(index + 4), body.getShort(index + 6),
                body.get(index + 8), body.get(index + 9), body.get(index + 10), body.get(index + 11),
                body.get(index + 12), body.get(index + 13), body.get(index + 14), body.get(index + 15));
    }
}
