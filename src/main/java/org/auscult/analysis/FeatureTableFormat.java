package org.auscult.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.auscult.io.AtomicFiles;
import org.auscult.io.CsvText;

/**
 * The on-disk forms of a {@link FeatureTable}: CSV for Python and spreadsheets, ARFF for Weka.
 *
 * <p>CSV: a header {@code id,path,label,patient,source,<features...>} and one row per recording (RFC 4180
 * quoting; numbers in Java's shortest round-trip form). The analysis configuration goes beside it in
 * {@code <file>.properties}. ARFF: the configuration as {@code %} comments, {@code id}, {@code patient} and
 * {@code source} as string attributes, the features as numeric attributes and the class last as a nominal
 * attribute ({@code ?} for an unlabelled recording).
 */
public enum FeatureTableFormat {
    CSV("csv"),
    ARFF("arff");

    private final String extension;

    FeatureTableFormat(String extension) {
        this.extension = extension;
    }

    /** The format a file name asks for, by its extension. */
    public static FeatureTableFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FeatureTableFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException(file + ": unknown table format; use a .csv or .arff file name");
    }

    /** The file beside a CSV table that holds its configuration. */
    public static Path configurationFile(Path csvTable) {
        return csvTable.resolveSibling(csvTable.getFileName() + ".properties");
    }

    /** Every file a table written to {@code file} occupies: the table, and for CSV its configuration beside it. */
    public List<Path> files(Path file) {
        return this == CSV ? List.of(file, configurationFile(file)) : List.of(file);
    }

    /**
     * Writes the table atomically, a CSV table and its configuration as one unit (both or neither); an existing file
     * is replaced only when {@code overwrite} is true.
     */
    public void write(FeatureTable table, Path file, boolean overwrite) throws IOException {
        switch (this) {
            case CSV -> AtomicFiles.writeAll(List.of(
                    new AtomicFiles.Target(file, out -> writeText(out, writer -> writeCsv(table, writer))),
                    new AtomicFiles.Target(configurationFile(file),
                            out -> writeText(out, writer -> writeProperties(table.configuration(), writer)))),
                    overwrite);
            case ARFF -> AtomicFiles.write(file, overwrite, out -> writeText(out, writer -> writeArff(table, writer)));
            default -> throw new AssertionError(this);
        }
    }

    private interface TextContent {
        void writeTo(Writer writer) throws IOException;
    }

    private static void writeText(java.io.OutputStream out, TextContent content) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        content.writeTo(writer);
        writer.flush();
    }

    static void writeCsv(FeatureTable table, Writer out) throws IOException {
        out.write("id,path,label,patient,source");
        for (String name : table.featureNames()) {
            out.write(',');
            out.write(CsvText.field(name));
        }
        out.write('\n');
        for (FeatureRow row : table.rows()) {
            out.write(CsvText.field(row.id()));
            out.write(',');
            out.write(CsvText.field(row.path()));
            out.write(',');
            out.write(CsvText.field(row.label()));
            out.write(',');
            out.write(CsvText.field(row.patient()));
            out.write(',');
            out.write(CsvText.field(row.source()));
            for (double value : row.values()) {
                out.write(',');
                out.write(Double.toString(value));
            }
            out.write('\n');
        }
    }

    static void writeProperties(Map<String, String> configuration, Writer out) throws IOException {
        out.write("# Analysis configuration of the feature table beside this file\n");
        for (Map.Entry<String, String> entry : configuration.entrySet()) {
            out.write(entry.getKey() + "=" + entry.getValue() + "\n");
        }
    }

    static void writeArff(FeatureTable table, Writer out) throws IOException {
        out.write("% Auscult feature table\n");
        for (Map.Entry<String, String> entry : table.configuration().entrySet()) {
            out.write("% " + entry.getKey() + "=" + entry.getValue() + "\n");
        }
        out.write("@relation auscult-features\n\n");
        out.write("@attribute id string\n");
        out.write("@attribute patient string\n");
        out.write("@attribute source string\n");
        for (String name : table.featureNames()) {
            out.write("@attribute " + arffQuote(name) + " numeric\n");
        }
        List<String> labels = table.labels();
        out.write("@attribute class {");
        for (int i = 0; i < labels.size(); i++) {
            out.write((i == 0 ? "" : ",") + arffQuote(labels.get(i)));
        }
        out.write("}\n\n@data\n");
        for (FeatureRow row : table.rows()) {
            out.write(arffQuote(row.id()) + "," + arffQuote(row.patient()) + "," + arffQuote(row.source()));
            for (double value : row.values()) {
                out.write(',');
                out.write(Double.isNaN(value) ? "?" : Double.toString(value));
            }
            out.write(',');
            out.write(row.labelled() ? arffQuote(row.label()) : "?");
            out.write('\n');
        }
    }

    /** ARFF values and names are single-quoted with backslash escapes, as Weka's own writer does. */
    static String arffQuote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
