package org.auscult.app.examination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.PatientAnswer;
import org.auscult.analysis.Verdict;
import org.auscult.app.browser.BrowserViewModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.labels.Auscultation;
import org.auscult.library.Recording;
import org.auscult.segmentation.SignalQuality;

/**
 * The examination of the selected recording's patient: every recording of the open collection with the same
 * patient, ordered by auscultation site (AV, PV, TV, MV, PhC, then the rest), each with the verdict the collection
 * scan or the window gave it and its signal quality. A clinician listens at several sites and a finding at any of
 * them calls the patient back: the patient's answer reads every site's follow-up answer ({@link PatientAnswer}), and
 * the summary names the site where the model finds a murmur most likely.
 */
public final class ExaminationViewModel {

    /** A CirCor-style site in a recording's name: {@code 36327_MV}, {@code 50159_AV_1}, {@code p12_MV_20261205-0830}. */
    private static final Pattern SITE_IN_NAME = Pattern.compile("(?:^|_)(" + String.join("|", Auscultation.SITES)
            + ")(?:_|$)");

    /** One recording of the patient. */
    public record SiteRow(String site, RecordingRow row) {
        /** The verdict shown for it ("murmur 82 %"), "" before the collection's scan has judged it. */
        public String verdict() {
            String predicted = row.predictedProperty().get();
            double confidence = row.confidenceProperty().get();
            return predicted.isEmpty() ? "" : Double.isNaN(confidence) ? predicted
                    : String.format(Locale.ROOT, "%s %.0f %%", predicted, 100 * confidence);
        }

        /** "yes" or "no" when the model's follow-up screen answered for it ({@link Verdict#followUp()}), else "". */
        public String followUp() {
            Verdict verdict = row.verdictProperty().get();
            return verdict == null ? "" : verdict.followUp();
        }

        /** Its signal-quality index, "0.64", or "0.12 unsure" below the unsure line; "" when not measured. */
        public String quality() {
            double q = row.signalQualityProperty().get();
            return Double.isNaN(q) ? "" : String.format(Locale.ROOT, "%.2f%s", q,
                    SignalQuality.isUnsure(q) ? " unsure" : "");
        }

        /** The model's murmur probability for it; NaN when it is not judged or the model has no murmur class. */
        public double murmurProbability() {
            Verdict verdict = row.verdictProperty().get();
            if (verdict == null || !verdict.judged()) {
                return Double.NaN;
            }
            int murmur = verdict.classNames().indexOf("murmur");
            return murmur < 0 ? Double.NaN : verdict.probabilities()[murmur];
        }
    }

    private final BrowserViewModel browser;
    private final ObservableList<SiteRow> sites = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");

    public ExaminationViewModel(BrowserViewModel browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
        browser.selectedProperty().addListener((property, before, after) -> refresh());
    }

    /** Reads the selected recording's patient again (after a scan or an analysis gave new verdicts). */
    public void refresh() {
        RecordingRow selected = browser.selectedProperty().get();
        String patient = selected == null ? "" : selected.recording().patient();
        if (patient.isEmpty()) {
            sites.clear();
            title.set(selected == null ? "Select a recording to see its patient's examination."
                    : selected.name() + " names no patient.");
            summary.set("");
            answer.set("");
            return;
        }
        List<SiteRow> rows = new ArrayList<>();
        for (RecordingRow row : browser.rows()) {
            if (row.recording().patient().equals(patient)) {
                rows.add(new SiteRow(siteOf(row.recording()).orElse(""), row));
            }
        }
        rows.sort(Comparator.comparingInt((SiteRow row) -> siteOrder(row.site())).thenComparing(r -> r.row().name()));
        sites.setAll(rows);
        title.set(String.format(Locale.ROOT, "Patient %s: %d recording%s", patient, rows.size(),
                rows.size() == 1 ? "" : "s"));
        summary.set(describe(rows));
        answer.set(answer(rows));
    }

    /**
     * The patient's answer ({@link PatientAnswer}) once every readable recording is judged; until then what is
     * awaited. A recording that cannot be read counts as one without an answer.
     */
    static String answer(List<SiteRow> rows) {
        long waiting = rows.stream().filter(row -> row.row().verdictProperty().get() == null
                && row.row().problemProperty().get().isEmpty()).count();
        if (waiting > 0) {
            return String.format(Locale.ROOT, "Patient: %d recording%s not judged yet.", waiting,
                    waiting == 1 ? "" : "s");
        }
        return PatientAnswer.of(rows.stream().map(row -> new PatientAnswer.Site(
                row.site().isEmpty() ? row.row().name() : row.site(), row.row().verdictProperty().get())).toList())
                .describe();
    }

    /**
     * Where the model hears a murmur most likely, with the murmur described there when its verdict is murmur, or why
     * that cannot be said.
     */
    static String describe(List<SiteRow> rows) {
        SiteRow loudest = null;
        for (SiteRow row : rows) {
            double p = row.murmurProbability();
            if (!Double.isNaN(p) && (loudest == null || p > loudest.murmurProbability())) {
                loudest = row;
            }
        }
        if (loudest == null) {
            return "No murmur probability: not judged yet, or the model has no murmur class.";
        }
        String where = loudest.site().isEmpty() ? loudest.row().name() : loudest.site();
        String described = loudest.row().murmurDescriptionProperty().get();
        return String.format(Locale.ROOT, "Murmur most likely at %s (%.0f %%)%s", where,
                100 * loudest.murmurProbability(), described.isEmpty() ? "." : ": " + described + ".");
    }

    /**
     * The auscultation site of {@code recording}: the collection's {@code location} (CirCor), else a site in its
     * name as CirCor and Record mode write them.
     */
    public static Optional<String> siteOf(Recording recording) {
        String location = recording.metadata().getOrDefault("location", "");
        if (Auscultation.SITES.contains(location)) {
            return Optional.of(location);
        }
        Matcher inName = SITE_IN_NAME.matcher(recording.path().getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        return inName.find() ? Optional.of(inName.group(1)) : Optional.empty();
    }

    private static int siteOrder(String site) {
        int index = Auscultation.SITES.indexOf(site);
        return index < 0 ? Auscultation.SITES.size() : index;
    }

    /** The recording selected in the browser, whose patient this is (null for none). */
    public RecordingRow shownRow() {
        return browser.selectedProperty().get();
    }

    /** The patient's recordings, by site. */
    public ObservableList<SiteRow> sites() {
        return sites;
    }

    /** "Patient 36327: 4 recordings", or what is missing. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The patient's answer: follow-up needed at any site, at none, or unknown ({@link PatientAnswer}). */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** Where a murmur is most likely, once the recordings are judged. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
