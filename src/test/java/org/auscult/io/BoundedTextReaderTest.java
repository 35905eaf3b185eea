package org.auscult.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedTextReaderTest {

    private static final Path FILE = Path.of("labels.txt");

    private static BoundedTextReader reader(byte[] bytes, int maxLine) {
        return BoundedTextReader.of(FILE, new ByteArrayInputStream(bytes), maxLine);
    }

    private static List<String> lines(BoundedTextReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void everyLineEndEndsALineAndTheByteOrderMarkIsSkipped() throws IOException {
        byte[] text = "\uFEFFa\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        BoundedTextReader reader = reader(text, 10);
        assertEquals(List.of("a", "b", "c", "", "d"), lines(reader));
        assertEquals(5, reader.line());
        assertNull(reader.readLine());
    }

    @Test
    void aByteThatIsNotUtf8IsReportedOnItsLine() throws IOException {
        byte[] text = {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\r', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        BoundedTextReader reader = reader(text, 100);
        assertEquals("ok", reader.readLine());
        assertEquals("fine", reader.readLine());
        TextFileException refused = assertThrows(TextFileException.class, reader::readLine);
        assertEquals(3, refused.line());
        assertEquals("labels.txt line 3: not UTF-8 text (byte 0xE9 cannot be decoded); save the file as UTF-8",
                refused.getMessage());
    }

    @Test
    void aFileEndingInsideACharacterIsNotUtf8() {
        byte[] text = {'a', '\n', (byte) 0xE2, (byte) 0x82};
        TextFileException refused = assertThrows(TextFileException.class, () -> lines(reader(text, 100)));
        assertEquals(2, refused.line());
        assertTrue(refused.problem().startsWith("not UTF-8"), refused.problem());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithoutReadingTheRest() {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return served == 1 ? '\n' : 'x';
            }
        };
        BoundedTextReader reader = BoundedTextReader.of(FILE, endless, 1000);
        TextFileException refused = assertThrows(TextFileException.class, () -> lines(reader));
        assertEquals(2, refused.line());
        assertTrue(refused.problem().contains("longer than 1000 characters"), refused.problem());
    }

    @Test
    void aLineAtTheLimitIsRead() throws IOException {
        String line = "y".repeat(1000);
        assertEquals(List.of(line, line), lines(reader((line + "\n" + line).getBytes(StandardCharsets.UTF_8),
                1000)));
    }

    @Test
    void charactersAcrossBufferBoundariesDecode() throws IOException {
        String text = "\u00e9\u20ac\uD83D\uDC93".repeat(20_000);
        assertEquals(List.of(text), lines(reader(text.getBytes(StandardCharsets.UTF_8), 200_000)));
    }

    @Test
    void messagesShowInvisibleCharacters() {
        String shown = VisibleText.of("'\uFEFF0.5'\u200B\u0007\tend");
        assertEquals("'\\uFEFF0.5'\\u200B\\u0007\\tend", shown);
        assertFalse(VisibleText.of("x".repeat(5000)).length() > VisibleText.MAX_LENGTH + 40);
        assertEquals("caf\u00e9 \uD83D\uDC93", VisibleText.of("caf\u00e9 \uD83D\uDC93"), "visible text is kept");
    }
}
