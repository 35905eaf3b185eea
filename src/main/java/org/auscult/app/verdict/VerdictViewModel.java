package org.auscult.app.verdict;

import org.auscult.analysis.Verdict;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.segmentation.murmur.MurmurDescription;
import org.auscult.segmentation.murmur.MurmurEnvelope;

/** The verdict panel: a headline, the model used and the warnings, derived from the current {@link Verdict}. */
public final class VerdictViewModel {

    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper(this, "model", "");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper murmur = new ReadOnlyStringWrapper(this, "murmur", "");
    private final ReadOnlyStringWrapper followUp = new ReadOnlyStringWrapper(this, "followUp", "");
    private final ReadOnlyObjectWrapper<MurmurEnvelope> murmurEnvelope = new ReadOnlyObjectWrapper<>(this,
            "murmurEnvelope");
    private String noVerdictReason = "Select a recording.";
    private String pending = "";

    public VerdictViewModel() {
        verdict.addListener((observable, before, after) -> {
            murmur.set("");
            murmurEnvelope.set(null);
            refresh();
        });
        refresh();
    }

    /** What the panel says while there is no verdict ("No model loaded: ..."). */
    public void setNoVerdictReason(String reason) {
        noVerdictReason = reason;
        refresh();
    }

    /**
     * What is being done for the recording on screen ("Analysing 36327_MV…"), "" when nothing: shown instead of the
     * reason while there is no verdict, so the panel never looks finished while the verdict is on its way.
     */
    public void setPending(String what) {
        pending = what == null ? "" : what;
        refresh();
    }

    private void refresh() {
        Verdict current = verdict.get();
        if (current == null) {
            headline.set(pending.isEmpty() || noVerdictReason.startsWith("No model") ? noVerdictReason : pending);
            model.set("");
            followUp.set("");
            warnings.clear();
            return;
        }
        followUp.set(followUpText(current));
        // an unsure verdict says so beside its class: "murmur" next to "no heart sound found" reads as a finding
        headline.set(current.judged() ? String.format(Locale.ROOT, "%s  (%.0f %%)%s", current.predictedClass(),
                100 * current.confidence(), current.unsure().isEmpty() ? "" : "  · unsure")
                : current.cannotJudge());
        model.set(current.model() + " · " + Verdict.NOT_A_DEVICE);
        warnings.setAll(current.warnings());
    }

    /**
     * "Needs a clinician's follow-up: yes (p 0.42, the model's threshold 0.39)", "… cannot say on so little usable
     * heart sound (…)" on an unsure recording below the threshold, "" when the verdict has no follow-up answer (not
     * judged, or a model without a screen).
     */
    static String followUpText(Verdict verdict) {
        String answer = verdict.followUp();
        if (answer.isEmpty() && !verdict.unsure().isEmpty() && verdict.screen() != null
                && !Double.isNaN(verdict.followUpProbability())) {
            answer = "cannot say on so little usable heart sound";
        }
        return answer.isEmpty() ? "" : String.format(Locale.ROOT,
                "Needs a clinician's follow-up: %s (p %.2f, the model's threshold %.2f)", answer,
                verdict.followUpProbability(), verdict.screen().threshold());
    }

    /** The follow-up answer of the verdict on screen ({@link #followUpText}). */
    public ReadOnlyStringProperty followUpProperty() {
        return followUp.getReadOnlyProperty();
    }

    /**
     * Shows how the verdict's murmur is described (only the attributes that measured reliable), or nothing; cleared
     * with every new verdict, so a description never outlives its recording's verdict.
     */
    public void setMurmur(MurmurDescription description) {
        String shown = description == null ? "" : description.forPeople();
        murmur.set(shown.isEmpty() ? "" : "Murmur described: " + shown);
        murmurEnvelope.set(shown.isEmpty() ? null : description.envelope());
    }

    /** The median murmur envelope behind the description on screen, or null when there is none. */
    public ReadOnlyObjectProperty<MurmurEnvelope> murmurEnvelopeProperty() {
        return murmurEnvelope.getReadOnlyProperty();
    }

    /** "Murmur described: grade II/VI (64 %)", or "" when there is no murmur verdict or nothing reliable to say. */
    public ReadOnlyStringProperty murmurProperty() {
        return murmur.getReadOnlyProperty();
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    /** "murmur  (82 %)", or why there is no verdict ("Cannot judge: ..." for a recording the model cannot judge). */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
