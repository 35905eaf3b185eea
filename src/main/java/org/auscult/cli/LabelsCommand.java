package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.io.CsvText;
import org.auscult.io.OutputTargets;
import org.auscult.labels.Disagreement;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.Source;
import org.auscult.labels.exchange.ImportReport;
import org.auscult.labels.exchange.LabelExchange;
import org.auscult.labels.exchange.LabelledFeatureTable;
import org.auscult.labels.exchange.StoreCollection;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Layout;
import org.auscult.library.RecordingCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult labels}: the label database from the terminal (import, export, disagreements). */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = {"Import labels into the label database, export them, list disagreements.",
            "The database is ~/.auscult/labels.db (or -Dauscult.labels.db=FILE, or --db FILE)."},
        subcommands = {LabelsCommand.Import.class, LabelsCommand.Export.class, LabelsCommand.Disagreements.class})
final class LabelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: import, export or disagreements");
    }

    /** The exchange formats. */
    enum Format {
        audacity, circor, pascal_timing, csv, collection, features
    }

    /** What every subcommand shares: the label database, open while the subcommand runs. */
    abstract static class OnDatabase implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "FILE", description = "The label database (default: ${DEFAULT-VALUE}).",
                defaultValue = "${sys:auscult.labels.db:-${sys:user.home}/.auscult/labels.db}")
        Path database;

        @Override
        public Integer call() throws Exception {
            if (Files.isDirectory(database)) {
                throw new IllegalArgumentException(database + " is a folder, not a label database (--db)");
            }
            // opening creates a database (and its folders): only a subcommand that stores labels may do that
            if (!writesLabels() && !Files.exists(database)) {
                throw new IllegalArgumentException("no label database at " + database + " (--db); labels are stored "
                        + "by 'labels import' or the workstation");
            }
            checkOutputs();
            // a subcommand that only reads opens read-only, so that it cannot turn any file into a database
            try (LabelStore store = writesLabels() ? LabelStore.open(database) : LabelStore.openForReading(database)) {
                return call(store);
            }
        }

        /** True for a subcommand that stores labels, which creates the database when there is none. */
        boolean writesLabels() {
            return false;
        }

        /** Refuses the run before the database is opened (an output that exists, say); nothing by default. */
        void checkOutputs() throws java.io.IOException {
        }

        abstract Integer call(LabelStore store) throws Exception;

        /** The exchange of labels with files, through a service that signs the changes with the user's name. */
        static LabelExchange exchange(LabelStore store) {
            return new LabelExchange(new LabelService(store, System.getProperty("user.name", ""), Clock.systemUTC()));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import labels from FILE.",
                "audacity, circor: the events of one recording (--recording WAV).",
                "pascal_timing: set_a_timing.csv; fname is relative to --root (default: the file's folder).",
                "csv: recording labels (path,sha256,label_source,opinion,label,quality,notes,labeller,labelled_at).",
                "collection: the labels a collection carries (FILE is the collection, any layout), kept apart from "
                    + "yours."})
    static final class Import extends OnDatabase {
        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "audacity, circor, pascal_timing, csv or collection.")
        Format format;

        @Parameters(index = "0", paramLabel = "FILE", description = "The file (or collection) to import.")
        Path file;

        @Option(names = "--recording", paramLabel = "WAV", description = "The recording the events belong to.")
        Path recording;

        @Option(names = "--root", paramLabel = "DIR", description = "The collection folder file names are relative to.")
        Path root;

        @Option(names = "--as", paramLabel = "SOURCE", defaultValue = "import",
                description = "import (a collection's labels, kept apart; default) or user (your own).")
        String as;

        @Override
        boolean writesLabels() {
            return true;
        }

        @Override
        Integer call(LabelStore store) throws Exception {
            Source source = Source.ofSqlName(as);
            LabelExchange exchange = exchange(store);
            ImportReport report = switch (format) {
                case audacity -> exchange.importAudacity(file, requireRecording(spec, recording), source);
                case circor -> exchange.importCirCor(file, requireRecording(spec, recording), source);
                case pascal_timing -> exchange.importPascalTiming(file,
                        root != null ? root : file.toAbsolutePath().getParent(), source);
                case csv -> exchange.importRecordingLabels(file, source);
                case collection -> exchange.importCollectionLabels(importCollection(spec, file, null));
                default -> throw new ParameterException(spec.commandLine(), "--format " + format
                        + " can only be exported");
            };
            spec.commandLine().getOut().printf("Imported %d recording labels and %d events from %s into %s.%n",
                    report.labels(), report.events(), file, store.file());
            report.problems().forEach(spec.commandLine().getErr()::println);
            return report.problems().isEmpty() ? AuscultCommand.EXIT_OK : AuscultCommand.EXIT_INPUT_FAILED;
        }
    }

    /** Imports a collection ({@code layout} null: detected) and prints its summary. */
    static RecordingCollection importCollection(CommandSpec spec, Path path, Layout layout) throws IOException {
        ImportOptions options = layout == null ? ImportOptions.defaults() : ImportOptions.defaults().withLayout(layout);
        RecordingCollection imported = new CollectionImporter().importCollection(path, options);
        spec.commandLine().getErr().println(imported.summary());
        return imported;
    }

    static Path requireRecording(CommandSpec spec, Path recording) {
        if (recording == null) {
            throw new ParameterException(spec.commandLine(), "this format holds the events of one recording: "
                    + "name it with --recording WAV");
        }
        return recording;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Export labels to FILE (-o).",
                "audacity, circor: the events of one recording (--recording WAV).",
                "pascal_timing: S1/S2 points of the recordings under --root.",
                "csv: every recording label (under --root when given).",
                "collection: COLLECTION (--collection) with the current labels as a label CSV that 'train' and "
                    + "'evaluate' read.",
                "features: the labelled feature table of --collection (.arff or .csv by FILE's extension)."})
    static final class Export extends OnDatabase {
        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "audacity, circor, pascal_timing, csv, collection or features.")
        Format format;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;

        @Option(names = "--recording", paramLabel = "WAV", description = "The recording whose events to export.")
        Path recording;

        @Option(names = "--root", paramLabel = "DIR", description = "Only recordings under this folder.")
        Path root;

        @Option(names = "--collection", paramLabel = "COLLECTION",
                description = "A collection in any layout Auscult imports (collection and features formats).")
        Path collection;

        @Option(names = "--layout", paramLabel = "LAYOUT", completionCandidates = LayoutNames.class,
                description = "The collection layout: ${COMPLETION-CANDIDATES}.")
        Layout layout;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (features).")
        int jobs;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        boolean force;

        @Mixin
        AnalysisOptions analysis;

        @Override
        void checkOutputs() throws IOException {
            OutputTargets.check(force, RecordingInputs.readFrom(java.util.Arrays.asList(collection), database,
                    recording, analysis.configFile), format == Format.features ? LabelledFeatureTable.files(out) : List.of(out));
        }

        @Override
        Integer call(LabelStore store) throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            LabelExchange exchange = exchange(store);
            switch (format) {
                case audacity -> {
                    exchange.exportAudacity(requireRecording(spec, recording), out, force);
                    stdout.printf("Wrote %s.%n", out);
                }
                case circor -> {
                    int left = exchange.exportCirCor(requireRecording(spec, recording), out, force);
                    stdout.printf("Wrote %s%s.%n", out, left == 0 ? ""
                            : " (" + left + " events of types CirCor has no state for were left out)");
                }
                case pascal_timing -> stdout.printf("Wrote %d marks to %s.%n", exchange.exportPascalTiming(
                        root != null ? root : out.toAbsolutePath().getParent(), out, force), out);
                case csv -> stdout.printf("Wrote %d recording labels to %s.%n",
                        exchange.exportRecordingLabels(out, Optional.ofNullable(root), force), out);
                case collection -> {
                    StoreCollection.Summary s = StoreCollection.writeCsv(importCollection(), store, out, force);
                    stdout.printf("Wrote %s: labels from you %d, imported %d, the collection %d; unlabelled %d, "
                            + "unusable %d.%n", out, s.fromUser(), s.fromImport(), s.fromCollection(),
                            s.unlabelled(), s.unusable());
                }
                case features -> {
                    FeatureTableBuilder.Result result = LabelledFeatureTable.export(importCollection(), store,
                            analysis.resolve(), Jobs.resolve(jobs), out, force);
                    stdout.printf("Wrote %s: %d recordings x %d features.%n", out,
                            result.table().rows().size(), result.table().featureNames().size());
                    return Failures.report(result.failures(), spec.commandLine().getErr());
                }
                default -> throw new IllegalStateException(format.toString());
            }
            return AuscultCommand.EXIT_OK;
        }

        private RecordingCollection importCollection() throws IOException {
            if (collection == null) {
                throw new ParameterException(spec.commandLine(), "--format " + format + " needs --collection "
                        + "COLLECTION");
            }
            return LabelsCommand.importCollection(spec, collection, layout);
        }
    }

    @Command(name = "disagreements", mixinStandardHelpOptions = true,
            description = "List recordings whose first and second opinions name different classes.")
    static final class Disagreements extends OnDatabase {
        @Override
        Integer call(LabelStore store) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("path,first,first_labeller,second,second_labeller");
            for (Disagreement d : store.disagreements()) {
                out.println(CsvText.row(d.recording().path().toString(), cls(d.first()),
                        d.first().labeller(), cls(d.second()), d.second().labeller()));
            }
            return AuscultCommand.EXIT_OK;
        }

        private static String cls(RecordingLabel label) {
            return label.labelClass().orElse("");
        }
    }
}
