package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.auscult.analysis.Datasets;
import org.auscult.io.AtomicFiles;
import org.auscult.io.CsvText;
import org.auscult.io.OutputTargets;
import org.auscult.learn.FeatureDistribution;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.Separability;
import org.auscult.learn.Separability.FeatureSeparation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auscult separability}: which single features tell one class from another, ranked by ROC AUC. */
@Command(name = "separability", mixinStandardHelpOptions = true,
        description = {
            "Rank the features of a labelled collection by how well each one alone separates a class from another "
                    + "(or from all the others): the area under the ROC curve (Mann-Whitney), 0.5 = no separation, "
                    + "1 or 0 = complete, with the median and quartiles of the feature in both groups.",
            "Use it to see what a class differs in before training, or why a class is not recognised."
        })
final class SeparabilityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CollectionOptions collection;

    @Option(names = "--positive", paramLabel = "CLASS", required = true, description = "The class to separate.")
    String positive;

    @Option(names = "--negative", paramLabel = "CLASS",
            description = "The class to separate it from (default: every other labelled class).")
    String negative;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Only recordings of this source (e.g. set_b), so a device difference does not pass for "
                    + "a class difference.")
    String source;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Features printed (default ${DEFAULT-VALUE}; the CSV holds all).")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every feature's row to FILE; - is "
            + "refused (standard output already shows the table).")
    Path csv;

    @Option(names = "--force", description = "Replace the --csv FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        OutputTargets.check(force, collection.inputs(), csv);
        CollectionOptions.Analysed analysed = collection.analyse(err);
        LabelledDataset data = Datasets.of(analysed.table()).labelledOnly();
        List<String> classes = data.classNames();
        int positiveClass = classIndex(classes, positive, "--positive");
        int negativeClass = negative == null ? -1 : classIndex(classes, negative, "--negative");
        if (positiveClass == negativeClass) {
            throw new IllegalArgumentException("--positive and --negative name the same class: " + positive);
        }
        if (source != null && !data.distinctSources().contains(source)) {
            throw new IllegalArgumentException("--source " + source + ": no such source; the collection has "
                    + data.distinctSources());
        }
        int[] classOf = data.classIndex();
        String[] sources = data.sources();
        int[] inScope = IntStream.range(0, data.size())
                .filter(row -> source == null || source.equals(sources[row])).toArray();
        int[] positiveRows = IntStream.of(inScope).filter(row -> classOf[row] == positiveClass).toArray();
        int[] negativeRows = IntStream.of(inScope)
                .filter(row -> negativeClass < 0 ? classOf[row] != positiveClass : classOf[row] == negativeClass)
                .toArray();
        String negativeName = negative == null ? "the other classes" : negative;
        if (positiveRows.length == 0 || negativeRows.length == 0) {
            throw new IllegalArgumentException("no " + (positiveRows.length == 0 ? positive : negativeName)
                    + " recordings" + (source == null ? "" : " in source " + source));
        }
        List<FeatureSeparation> ranked = Separability.rank(data, positiveRows, negativeRows);

        out.printf(Locale.ROOT, "%s (%d recordings) vs %s (%d recordings)%s, %d features%n%n", positive,
                positiveRows.length, negativeName, negativeRows.length, source == null ? "" : ", source " + source,
                ranked.size());
        int width = Math.max(7, ranked.stream().mapToInt(s -> s.feature().length()).max().orElse(7));
        out.printf(Locale.ROOT, "%-" + width + "s  %6s  %-32s  %-32s%n", "feature", "AUC",
                positive + ": median [p25, p75]", truncate(negativeName, 20) + ": median [p25, p75]");
        for (FeatureSeparation separation : ranked.subList(0, Math.min(top, ranked.size()))) {
            out.printf(Locale.ROOT, "%-" + width + "s  %6.3f  %-32s  %-32s%n", separation.feature(), separation.auc(),
                    quartiles(separation.positive()), quartiles(separation.negative()));
        }
        if (csv != null) {
            StringBuilder table = new StringBuilder("feature,auc,positive_count,positive_median,positive_p25,"
                    + "positive_p75,negative_count,negative_median,negative_p25,negative_p75\n");
            for (FeatureSeparation s : ranked) {
                table.append(CsvText.field(s.feature())).append(String.format(Locale.ROOT,
                        ",%.6f,%d,%s,%s,%s,%d,%s,%s,%s%n", s.auc(), s.positive().count(), s.positive().median(),
                        s.positive().p25(), s.positive().p75(), s.negative().count(), s.negative().median(),
                        s.negative().p25(), s.negative().p75()));
            }
            AtomicFiles.write(csv, force, stream -> stream.write(table.toString().getBytes(StandardCharsets.UTF_8)));
            out.println();
            out.println("Wrote " + csv);
        }
        out.flush();
        return Failures.report(analysed.failures(), err);
    }

    private static int classIndex(List<String> classes, String name, String option) {
        int index = classes.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(option + " " + name + ": no such class; the collection has " + classes);
        }
        return index;
    }

    private static String quartiles(FeatureDistribution d) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", d.median(), d.p25(), d.p75());
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
