package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {

    @TempDir
    Path dir;

    private Path csv(String content) {
        return Fixtures.write(dir.resolve("labels.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        CsvTable table = CsvTable.withHeader(csv(
                "path,label,note\n"
                        + "\"a, b.wav\",normal,\"said \"\"hi\"\"\"\n"
                        + "c.wav,murmur,\"two\nlines\"\n"
                        + "d.wav,,\n"));
        assertEquals(List.of("path", "label", "note"), table.header());
        assertEquals(3, table.rows().size());
        assertEquals(List.of("a, b.wav", "normal", "said \"hi\""), table.rows().get(0).fields());
        assertEquals(List.of("c.wav", "murmur", "two\nlines"), table.rows().get(1).fields());
        assertEquals(List.of("d.wav", "", ""), table.rows().get(2).fields());
        assertEquals(List.of(2, 3, 5), table.rows().stream().map(CsvTable.Row::line).toList(),
                "a row after a quoted line break starts on the next physical line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r"})
    void everyLineEndingEndsARecord(String eol) throws IOException {
        CsvTable table = CsvTable.withHeader(csv("path,label" + eol + "a.wav,normal" + eol + eol + "b.wav,murmur"));
        assertEquals(List.of(List.of("a.wav", "normal"), List.of("b.wav", "murmur")),
                table.rows().stream().map(CsvTable.Row::fields).toList());
        assertEquals(List.of(2, 4), table.rows().stream().map(CsvTable.Row::line).toList(),
                "blank lines are skipped but still counted");
    }

    @Test
    void byteOrderMarkIsSkippedAndColumnsFoundIgnoringCaseAndColon() throws IOException {
        CsvTable table = CsvTable.withHeader(csv("\uFEFFPatient ID,Recording locations:\n1,AV\n"));
        assertEquals(Optional.of(0), table.column("patient id"));
        assertEquals(Optional.of(1), table.column("Recording locations"));
        assertEquals(Optional.empty(), table.column("murmur"));
    }

    @Test
    void emptyQuotedFieldOnItsOwnIsARecord() throws IOException {
        CsvTable table = CsvTable.withHeader(csv("path\n\"\"\n"));
        assertEquals(1, table.rows().size());
        assertEquals(List.of(""), table.rows().get(0).fields());
    }

    @Test
    void wrongColumnCountNamesFileLineAndCounts() {
        Path file = csv("path,dataset,label\na.wav,a,normal\nb.wav\n");
        CollectionFormatException e = assertThrows(CollectionFormatException.class, () -> CsvTable.withHeader(file));
        assertEquals(3, e.line());
        assertEquals("3 columns expected, found 1", e.reason());
        assertEquals(file + " line 3: 3 columns expected, found 1", e.getMessage());
    }

    @Test
    void unterminatedQuotePointsAtTheLineWhereItOpened() {
        Path file = csv("path,label\na.wav,normal\n\"b.wav,murmur\nc.wav,normal\n");
        CollectionFormatException e = assertThrows(CollectionFormatException.class, () -> CsvTable.withHeader(file));
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("unterminated quoted field"), e.reason());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        Path file = csv("path,label\n\"a.wav\"x,normal\n");
        CollectionFormatException e = assertThrows(CollectionFormatException.class, () -> CsvTable.withHeader(file));
        assertEquals(2, e.line());
        assertEquals("unexpected 'x' after a closing quote", e.reason());
    }

    @Test
    void emptyAndNonUtf8FilesAreRefused() {
        Path empty = csv("");
        assertEquals("empty file, a header row was expected",
                assertThrows(CollectionFormatException.class, () -> CsvTable.withHeader(empty)).reason());
        Path latin1 = Fixtures.write(dir.resolve("latin1.csv"), new byte[] {'p', ',', 'l', '\n', (byte) 0xE9, ',',
                'x', '\n'});
        CollectionFormatException notUtf8 = assertThrows(CollectionFormatException.class,
                () -> CsvTable.withHeader(latin1));
        assertTrue(notUtf8.reason().startsWith("not UTF-8 text (byte 0xE9"), notUtf8.reason());
        assertEquals(2, notUtf8.line(), "the line of the byte that is not UTF-8");
    }

    @Test
    void headerlessFilesSkipRowsOfTheWrongWidth() throws IOException {
        Path file = csv("a0001,1\na0002\na0003,-1\n");
        CsvTable table = CsvTable.withoutHeaderSkippingMalformedRows(file, 2);
        assertEquals(List.of(List.of("a0001", "1"), List.of("a0003", "-1")),
                table.rows().stream().map(CsvTable.Row::fields).toList(), "the first row is a row, not a header");
        assertEquals(List.of(new ImportProblem(file, 2, "2 columns expected, found 1; row skipped")), table.skipped());
    }

    @Test
    void peekHeaderNeverThrows() {
        assertEquals(Optional.of(List.of("path", "label")), CsvTable.peekHeader(csv("path, label \n\"broken\n")));
        assertEquals(Optional.empty(), CsvTable.peekHeader(csv("\"never closed,label\n")));
        assertEquals(Optional.empty(), CsvTable.peekHeader(dir.resolve("absent.csv")));
    }
}
