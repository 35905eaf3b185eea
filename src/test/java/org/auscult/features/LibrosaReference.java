package org.auscult.features;

import org.auscult.audio.UnreadableAudioException;
import org.auscult.audio.WavDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.auscult.audio.AudioClip;

/**
 * Access to the librosa reference vectors in {@code <auscult.shared>/reference/librosa} and the PASCAL 2011
 * recordings they were computed from ({@code <auscult.shared>/data/pascal2011}).
 */
final class LibrosaReference {

    /** The shared folder, from the system property the build sets ({@code ${project.basedir}/../shared}). */
    static final Path SHARED = Paths.get(System.getProperty("auscult.shared", "../shared"));
    static final Path REFERENCE = SHARED.resolve("reference").resolve("librosa");
    static final Path PASCAL = SHARED.resolve("data").resolve("pascal2011");

    private LibrosaReference() {
    }

    /** True when both the reference vectors and the recordings are present. */
    static boolean available() {
        return Files.isRegularFile(REFERENCE.resolve("recordings.csv")) && Files.isDirectory(PASCAL);
    }

    static String absentMessage() {
        return "librosa reference data not found under " + SHARED.toAbsolutePath()
                + " (system property auscult.shared): parity test skipped";
    }

    /** A CSV file: header names and rows of cells as text. */
    record Table(List<String> header, List<String[]> rows) {

        int column(String name) {
            int index = header.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return index;
        }

        /**
         * The numeric matrix without the first (index) column, after checking that the index column counts 0, 1, 2...
         */
        double[][] matrixAfterIndexColumn() {
            List<String> indices = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                indices.add(Integer.toString(r));
            }
            return matrixAfterLabelColumn(indices);
        }

        /** The numeric matrix without the first column, after checking that it holds {@code labels}. */
        double[][] matrixAfterLabelColumn(List<String> labels) {
            if (labels.size() != rows.size()) {
                throw new IllegalStateException(rows.size() + " rows, expected " + labels.size());
            }
            double[][] matrix = new double[rows.size()][header.size() - 1];
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                if (!cells[0].equals(labels.get(r))) {
                    throw new IllegalStateException("row " + r + " is labelled " + cells[0] + ", expected " + labels.get(r));
                }
                for (int c = 1; c < header.size(); c++) {
                    matrix[r][c - 1] = Double.parseDouble(cells[c]);
                }
            }
            return matrix;
        }
    }

    static Table readCsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    if (cells.length != header.size()) {
                        throw new IllegalStateException(file + ": row with " + cells.length + " cells for "
                                + header.size() + " columns");
                    }
                    rows.add(cells);
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table reference(String fileName) {
        return readCsv(REFERENCE.resolve(fileName));
    }

    /** One row of recordings.csv, as column name to text. */
    static List<Map<String, String>> recordings() {
        Table table = reference("recordings.csv");
        List<Map<String, String>> recordings = new ArrayList<>();
        for (String[] row : table.rows()) {
            Map<String, String> recording = new HashMap<>();
            for (int c = 0; c < row.length; c++) {
                recording.put(table.header().get(c), row[c]);
            }
            recordings.add(recording);
        }
        return recordings;
    }

    /** 1-based channel indices from a "1;2;5" cell (empty cell: none). */
    static List<Integer> channelList(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::strip).map(Integer::valueOf).toList();
    }

    /**
     * Reads a PCM 16-bit mono WAV as int16 / 32768, the way librosa.load(sr=None) does (the decoder's own
     * reference test checks it sample for sample).
     */
    static AudioClip readPcm16Mono(Path file) {
        try {
            return new WavDecoder().decode(file).clip();
        } catch (UnreadableAudioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
