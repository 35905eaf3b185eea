package org.auscult.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.PatientAnswer;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.RecordingBatch;
import org.auscult.analysis.ReferenceSet;
import org.auscult.analysis.Verdict;
import org.auscult.io.AtomicFiles;
import org.auscult.io.CsvText;
import org.auscult.io.OutputTargets;
import org.auscult.learn.Cancellation;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.auscult.segmentation.quality.QualityMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auscult classify}: class probabilities for each recording. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {
            "Classify recordings with a trained model (the bundled default model unless --model is given) and "
                    + "print the predicted class, its probability and the probability of every class.",
            "Each recording is analysed exactly as the model's training data was (the model file records how), and "
                    + "gets the warnings the workstation shows (unsure when fewer than 5 s are usable heart sound, with "
                    + "why and what to do; close call, unlike the training data, a class the model rarely recognises, "
                    + "problems of the recording); a silent, nearly silent or too short recording is not judged "
                    + "(predicted: 'cannot judge', with the reason).",
            "p_follow_up is the probability that the recording needs a clinician's follow-up (every class but normal "
                    + "and artifact); follow_up answers it yes or no at the model's operating point (the threshold "
                    + "printed under the table, with what it was chosen for and what it kept in the model's "
                    + "cross-validation), and is empty instead of no when the recording is unsure (fewer than 5 s of "
                    + "usable heart sound cannot rule a finding out); usable_s the seconds of usable heart sound (a "
                    + "recording over 2 minutes is measured window by window).",
            "When the recordings name their patients (a collection with patient IDs) and a patient has several, a "
                    + "line per patient follows: follow-up when any of the patient's recordings needs it, none when "
                    + "every one was judged and none does, unknown when one could not be judged or was unsure."
        })
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recordings (WAV, FLAC or MP3), folders or collections.")
    List<Path> recordings;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A model file written by 'train'.")
    Path modelFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results to FILE as CSV, with a row "
            + "for each input that could not be judged (a recording that cannot be read, a file that does not "
            + "exist, a recording a label file lists that is missing), why in its last column, problem; - is refused "
            + "(standard output already shows the table).")
    Path csv;

    @Option(names = "--patients", paramLabel = "FILE", description = "Also write one row per patient to FILE as CSV "
            + "(patient, follow_up yes/no/unknown, the recordings that need it, recordings, those without an answer), "
            + "for recordings that name their patients.")
    Path patientsCsv;

    @Option(names = "--force", description = "Replace the --csv or --patients FILE if it exists.")
    boolean force;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: cores).")
    int jobs;

    @Option(names = "--layout", paramLabel = "LAYOUT", completionCandidates = LayoutNames.class,
            description = "How to read a folder when its layout cannot be detected or is detected wrong (e.g. "
                    + "plain-folder for a folder of patients' folders): ${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Override
    public Integer call() throws Exception {
        OutputTargets.check(force, RecordingInputs.readFrom(recordings, modelFile), csv, patientsCsv);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedModel model = LoadedModel.load(modelFile);
        ReferenceSet reference = ReferenceSet.preferred(model, null);
        RecordingAnalyzer.judging(model, reference, false); // a model its own configuration does not fit fails here

        RecordingInputs.Resolved resolved = RecordingInputs.resolve(recordings, Optional.ofNullable(layout));
        ProgressBar progress = ProgressBar.forTerminal(err, "classify");
        List<RecordingBatch.Outcome<Judged>> outcomes = RecordingBatch.run(resolved.inputs(), Jobs.resolve(jobs),
                () -> RecordingAnalyzer.judging(model, reference, false).assessingQuality(),
                (input, analysis) -> new Judged(analysis.verdict(), analysis.quality(), analysis.describedMurmur()),
                (done, total, seconds) -> progress.update(done, total), new Cancellation());

        List<String> classes = model.model().classNames();
        boolean followUp = classes.contains("normal");
        List<String> header = new ArrayList<>(List.of("recording", "predicted", "probability"));
        classes.forEach(name -> header.add("p_" + name));
        if (followUp) {
            header.add("p_follow_up");
            header.add("follow_up");
        }
        header.add("usable_s");
        header.add("murmur");
        header.add("warnings");
        List<List<String>> rows = new ArrayList<>();
        // the --csv table also lists the recordings that could not be judged, with why (its last column)
        List<List<String>> csvRows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>(resolved.problems());
        for (RecordingBatch.Outcome<Judged> outcome : outcomes) {
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
                csvRows.add(unjudgedRow(outcome.input().id(), header.size(), outcome.failure().problem()));
                continue;
            }
            Verdict verdict = outcome.result().verdict();
            List<String> cells = new ArrayList<>(List.of(outcome.input().id(), verdict.predictedClass(),
                    probability(verdict.confidence())));
            double[] posterior = verdict.probabilities();
            for (int c = 0; c < model.model().classNames().size(); c++) {
                cells.add(probability(verdict.judged() ? posterior[c] : Double.NaN));
            }
            if (followUp) {
                cells.add(probability(verdict.followUpProbability()));
                cells.add(verdict.followUp());
            }
            QualityMap quality = outcome.result().quality();
            cells.add(quality == null ? "" : Integer.toString(quality.usableSeconds()));
            cells.add(outcome.result().murmur());
            cells.add(String.join(" | ", verdict.warnings()));
            rows.add(cells);
            List<String> csvCells = new ArrayList<>(cells);
            csvCells.add("");
            csvRows.add(csvCells);
        }
        resolved.notReached().forEach(problem ->
                csvRows.add(unjudgedRow(problem.name(), header.size(), problem.problem())));
        Map<String, PatientAnswer> patients = patientAnswers(outcomes, resolved.collections());
        if (!rows.isEmpty()) { // when every input failed, the failures below say so without an empty table
            printTable(out, header, rows);
            if (followUp && model.followUpScreen() != null) {
                out.println("follow_up: yes at " + model.followUpScreen().describe() + ".");
                printPatients(out, patients);
                out.flush();
            } else if (followUp) {
                out.println("follow_up: no answer: the model was trained without cross-validation (--no-evaluate), "
                        + "which is where its threshold comes from.");
                out.flush();
            }
            out.println("Auscult is " + Verdict.NOT_A_DEVICE + (modelFile == null ? "; the bundled model finds about "
                    + "half of the soft, low-pitched murmurs of its cross-validation (see its model card)." : "."));
            out.flush();
        }
        if (patientsCsv != null) {
            writePatients(patientsCsv, force, patients);
        }
        if (csv != null) {
            AtomicFiles.write(csv, force, stream -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                List<String> columns = new ArrayList<>(header);
                columns.add("problem");
                writer.println(CsvText.row(columns.toArray(String[]::new))); // a class name may hold a comma
                csvRows.forEach(cells -> writer.println(CsvText.row(cells.toArray(String[]::new))));
                writer.flush();
            });
        }
        return Failures.report(failures, err);
    }

    /** A --csv row of a recording that could not be judged: its id, every value empty, and the problem. */
    private static List<String> unjudgedRow(String id, int columns, String problem) {
        List<String> cells = new ArrayList<>(Collections.nCopies(columns + 1, ""));
        cells.set(0, id);
        cells.set(columns, problem);
        return cells;
    }

    /**
     * The answer of every patient the recordings name ({@link PatientAnswer}: follow-up when any of the patient's
     * recordings needs it), by patient; a recording that failed, here or at the collection's import check, counts as
     * one without an answer.
     */
    private static Map<String, PatientAnswer> patientAnswers(List<RecordingBatch.Outcome<Judged>> outcomes,
                                                             List<RecordingCollection> collections) {
        Map<String, List<PatientAnswer.Site>> byPatient = new TreeMap<>();
        for (RecordingBatch.Outcome<Judged> outcome : outcomes) {
            addSite(byPatient, outcome.input().patient(), outcome.input().id(),
                    outcome.failure() != null ? null : outcome.result().verdict());
        }
        for (RecordingCollection collection : collections) {
            collection.recordings().stream().filter(recording -> !recording.readable())
                    .forEach(unread -> addSite(byPatient, unread.patient(), unread.id(), null));
        }
        Map<String, PatientAnswer> answers = new TreeMap<>();
        byPatient.forEach((patient, sites) -> answers.put(patient, PatientAnswer.of(sites)));
        return answers;
    }

    /** One line per patient, when some patient has more than one recording. */
    private static void printPatients(PrintWriter out, Map<String, PatientAnswer> answers) {
        if (answers.values().stream().noneMatch(answer -> answer.sites() > 1)) {
            return;
        }
        out.println();
        out.println("Patients (follow-up when any of the patient's recordings needs it):");
        int width = answers.keySet().stream().mapToInt(String::length).max().orElse(0);
        answers.forEach((patient, answer) -> out.printf(Locale.ROOT, "%-" + width + "s  %s%n", patient,
                answer.describe().replaceFirst("^Patient: ", "")));
    }

    /** The --patients table: a row per patient. */
    private static void writePatients(Path file, boolean force, Map<String, PatientAnswer> answers)
            throws java.io.IOException {
        AtomicFiles.write(file, force, stream -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            writer.println("patient,follow_up,needing_follow_up,recordings,without_answer");
            answers.forEach((patient, answer) -> writer.println(CsvText.row(patient,
                    switch (answer.status()) {
                        case PRESENT -> "yes";
                        case ABSENT -> "no";
                        case UNKNOWN -> "unknown";
                    }, String.join(" ", answer.flagged()), Integer.toString(answer.sites()),
                    Integer.toString(answer.unjudged()))));
            writer.flush();
        });
    }

    /** A recording without a patient is a patient of its own, as the grouped folds count it. */
    private static void addSite(Map<String, List<PatientAnswer.Site>> byPatient, String patient, String id,
                                Verdict verdict) {
        String key = patient == null || patient.isEmpty() ? id : patient;
        byPatient.computeIfAbsent(key, k -> new ArrayList<>()).add(new PatientAnswer.Site(id, verdict));
    }

    /**
     * A recording's verdict, which of its seconds are usable (null for a long one, judged in windows) and, judged a
     * murmur, the murmur described ("" otherwise).
     */
    private record Judged(Verdict verdict, QualityMap quality, String murmur) {
    }

    /** "0.812", or "" for a recording the model did not judge. */
    private static String probability(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** The warnings of a table row (its last column), in order. */
    private static List<String> warningsOf(List<String> row) {
        String warnings = row.get(row.size() - 1);
        return warnings.isEmpty() ? List.of() : List.of(warnings.split(" \\| "));
    }

    /**
     * The table without its last column (the warnings), each recording's warnings indented beneath its row, and those
     * every recording shares once beneath the table.
     */
    private static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int first = header.get(0).length();
        for (List<String> row : rows) {
            first = Math.max(first, row.get(0).length());
        }
        String format = "%-" + first + "s" + " %12s".repeat(header.size() - 2);
        // no trailing blanks where the last columns are empty (a verdict with no murmur described)
        out.println(String.format(format, header.subList(0, header.size() - 1).toArray()).stripTrailing());
        // a warning every recording gets (one about the model, say) is said once, under the table
        List<String> shared = rows.size() < 2 ? List.of() : rows.stream().map(ClassifyCommand::warningsOf)
                .reduce((a, b) -> a.stream().filter(b::contains).toList()).orElse(List.of());
        for (List<String> row : rows) {
            out.println(String.format(format, row.subList(0, row.size() - 1).toArray()).stripTrailing());
            warningsOf(row).stream().filter(warning -> !shared.contains(warning))
                    .forEach(warning -> out.println("    ! " + warning));
        }
        if (!shared.isEmpty()) {
            out.println("Every recording:");
            shared.forEach(warning -> out.println("    ! " + warning));
        }
        out.flush();
    }
}
