package org.auscult.app.record;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.auscult.labels.Auscultation;
import org.auscult.labels.Examination;
import org.auscult.labels.Examinations;
import org.auscult.labels.LabelService;

/**
 * Keeps the patient and the auscultation site of each recording in the label database as it is made, and groups a
 * patient's recordings of one sitting into one examination: a Record window's recordings belong to one
 * examination while the patient stays the same. The entry is written when recording starts, so a crash keeps it
 * with the file; keeping the recording updates the file's content hash, discarding it forgets it.
 *
 * <p>Database work runs on {@code worker}; what to tell the user comes back through {@code ui}. The file names
 * carry the patient and site too, so a recording made without a label database is not lost either.
 */
public final class AuscultationLog {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Supplier<LabelService> service;
    private final Executor worker;
    private final Consumer<Runnable> ui;
    private final ZoneId zone;
    /** The examination of this sitting and its patient; touched on the worker only. */
    private long examination = -1;
    private String examinedPatient = "";

    /**
     * @param service the label service, or a supplier of null while there is none (nothing is kept then)
     * @param worker  runs the database work, one task at a time
     * @param ui      runs a report on the UI thread
     * @param zone    for the times the reports give
     */
    public AuscultationLog(Supplier<LabelService> service, Executor worker, Consumer<Runnable> ui, ZoneId zone) {
        this.service = Objects.requireNonNull(service, "service");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * A log into the label service {@code service} gives (null while there is none), written on a daemon thread of
     * its own, reporting on the JavaFX thread in this machine's time zone.
     */
    public static AuscultationLog over(Supplier<LabelService> service) {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "auscultation-log");
                    thread.setDaemon(true);
                    return thread;
                });
        return new AuscultationLog(service, worker, javafx.application.Platform::runLater, ZoneId.systemDefault());
    }

    /** A log that keeps nothing: a window without a label database. */
    public static AuscultationLog none() {
        return new AuscultationLog(() -> null, Runnable::run, Runnable::run, ZoneId.systemDefault());
    }

    /**
     * A recording of {@code patient} at {@code site} started at {@code at} from {@code device} into {@code file};
     * {@code report} gets the examination so far ("Examination of p12 since 08:30: AV, MV") or why nothing was
     * kept.
     */
    public void started(Path file, String patient, String site, Instant at, String device, Consumer<String> report) {
        submit(report, e -> "The patient and site of " + file.getFileName() + " could not be kept in the label"
                + " database (" + e.getMessage() + "); its file name still carries them.", examinations -> {
                    String name = patient.trim();
                    // a new patient, or the examination went with its one discarded recording: a new examination
                    if (examination < 0 || !examinedPatient.equals(name)
                            || examinations.examination(examination).isEmpty()) {
                        examination = examinations.start(name, at);
                        examinedPatient = name;
                    }
                    examinations.record(file, examination, site, at, device);
                    return describe(examinations.examination(examination).orElseThrow());
                });
    }

    /** The recording at {@code file} is kept: its entry gets the finished file's content hash. */
    public void kept(Path file, Consumer<String> report) {
        submit(report, e -> "Kept " + file.getFileName() + ", but the label database could not be updated: "
                + e.getMessage(), examinations -> {
                    var known = examinations.recordingAt(file).flatMap(r -> examinations.auscultation(r.id()));
                    if (known.isEmpty()) {
                        return null;   // not made here: nothing to update
                    }
                    Auscultation where = known.get();
                    examinations.record(file, where.examinationId(), where.site(), where.recordedAt(), where.device());
                    return describe(examinations.examination(where.examinationId()).orElseThrow());
                });
    }

    /** The recording at {@code file} was discarded: the database forgets it (unless someone labelled it). */
    public void discarded(Path file, Consumer<String> report) {
        submit(report, e -> "Discarded " + file.getFileName() + ", but the label database could not forget it: "
                + e.getMessage(), examinations -> {
                    examinations.forget(file);
                    return examination < 0 ? "" : examinations.examination(examination).map(this::describe)
                            .orElse("");
                });
    }

    /** Database work: what to tell the user, or null for nothing. */
    @FunctionalInterface
    private interface Work {
        String run(Examinations examinations) throws Exception;
    }

    /**
     * Runs {@code work} on the worker when there is a label database, and gives {@code report} on the UI thread
     * what it says, or what {@code failure} says of its exception.
     */
    private void submit(Consumer<String> report, java.util.function.Function<Exception, String> failure, Work work) {
        worker.execute(() -> {
            LabelService labels = service.get();
            if (labels == null) {
                return;
            }
            String said;
            try {
                said = work.run(labels.store().examinations());
            } catch (Exception e) {
                said = failure.apply(e);
            }
            if (said != null) {
                String told = said;
                ui.accept(() -> report.accept(told));
            }
        });
    }

    /** "Examination of p12 since 08:30: AV, MV". */
    String describe(Examination examination) {
        return String.format(Locale.ROOT, "Examination of %s since %s: %s", examination.patient(),
                CLOCK_TIME.format(examination.startedAt().atZone(zone)), examination.sites().isEmpty()
                        ? "no recording kept yet" : String.join(", ", examination.sites()));
    }
}
