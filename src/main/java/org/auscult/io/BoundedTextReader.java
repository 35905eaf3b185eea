package org.auscult.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one way Auscult reads a text file someone else may have written (label files in every format, collection
 * files): strict UTF-8, a UTF-8 byte order mark skipped, and a bound on the length of a line.
 *
 * <p>Why not {@link Files#newBufferedReader}: its decoding error says only "Input length = 1", with no file or line,
 * and {@link java.io.BufferedReader#readLine()} keeps a line of any length in memory, so a 200 MB file without line
 * breaks ends in an {@link OutOfMemoryError}. Here both are a {@link TextFileException} naming the file and the line
 * where the problem is. A reader counts lines as it goes ({@code \n}, {@code \r\n} and a lone {@code \r} each end
 * one), and memory is bounded by the line limit, not by the file.
 */
public final class BoundedTextReader extends Reader {

    /**
     * The longest line read by default, in characters. No label or collection file Auscult reads comes close (the
     * widest, CirCor's training_data.csv, has lines of a few hundred characters); a longer line is a file of some
     * other kind.
     */
    public static final int DEFAULT_MAX_LINE = 65_536;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final InputStream in;
    private final int maxLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private boolean endOfInput;
    private boolean flushed;
    private String decodingError;
    private boolean started;
    private boolean afterCarriageReturn;
    private int line = 1;
    private int column;
    private int pushedBack = -2;

    private BoundedTextReader(Path file, InputStream in, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive: " + maxLine);
        }
        this.file = file;
        this.in = in;
        this.maxLine = maxLine;
        chars.flip();
    }

    /** Opens {@code file} with the {@linkplain #DEFAULT_MAX_LINE default line limit}. */
    public static BoundedTextReader open(Path file) throws IOException {
        return open(file, DEFAULT_MAX_LINE);
    }

    public static BoundedTextReader open(Path file, int maxLine) throws IOException {
        return new BoundedTextReader(file, Files.newInputStream(file), maxLine);
    }

    /** Reads from a stream already open; {@code file} names it in messages. */
    public static BoundedTextReader of(Path file, InputStream in, int maxLine) {
        return new BoundedTextReader(file, in, maxLine);
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the next character to be read. */
    public int line() {
        return line;
    }

    /**
     * The next character, or -1 at the end.
     *
     * @throws TextFileException when the bytes at this point are not UTF-8 or the line is too long
     */
    @Override
    public int read() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
            return c;
        }
        c = nextDecoded();
        if (!started) {
            started = true;
            if (c == BYTE_ORDER_MARK) {
                c = nextDecoded();
            }
        }
        if (c == -1) {
            return -1;
        }
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            column = 0;
            afterCarriageReturn = false;
        } else if (c == '\r') {
            line++;
            column = 0;
            afterCarriageReturn = true;
        } else {
            afterCarriageReturn = false;
            if (++column > maxLine) {
                throw new TextFileException(file, line, "line longer than " + maxLine + " characters; "
                        + "this is not a file of the expected kind");
            }
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length) {
            int c = read();
            if (c == -1) {
                break;
            }
            buffer[offset + count++] = (char) c;
            if (c == '\n' || c == '\r') {
                break;
            }
        }
        return count == 0 ? -1 : count;
    }

    /**
     * The next line without its terminator, or null at the end of the file. The line number of the line returned is
     * {@link #line()} before the call.
     */
    public String readLine() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        while (c != -1 && c != '\n' && c != '\r') {
            text.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int next = read();
            if (next != '\n' && next != -1) {
                pushedBack = next;
            }
        }
        return text.toString();
    }

    private int nextDecoded() throws IOException {
        while (!chars.hasRemaining()) {
            if (decodingError != null) {
                throw new TextFileException(file, line, decodingError);
            }
            if (flushed) {
                return -1;
            }
            fill();
        }
        return chars.get();
    }

    private void fill() throws IOException {
        chars.clear();
        try {
            if (!endOfInput) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                decodingError = String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X cannot be decoded); "
                        + "save the file as UTF-8", bytes.get(bytes.position()) & 0xFF);
            } else if (endOfInput && !bytes.hasRemaining()) {
                CoderResult end = decoder.flush(chars);
                if (end.isError()) {
                    decodingError = "not UTF-8 text (the file ends inside a character)";
                } else {
                    flushed = true;
                }
            }
            bytes.compact();
        } finally {
            chars.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
