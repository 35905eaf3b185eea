package org.auscult.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.auscult.analysis.LoadedModel;
import org.auscult.labels.LabelClasses;
import org.auscult.library.RecordingCollection;

/**
 * The note shown under the browser when the open collection lacks some of the model's classes, so a user of the
 * bundled samples (murmur and normal only) is not left wondering why no recording is ever an extrasystole.
 */
public final class ClassCoverage {

    private ClassCoverage() {
    }

    /**
     * The note for {@code collection} (null: none open) judged by {@code model} (null: none), "" when there is
     * nothing to say; the bundled samples are recognised by their folder.
     */
    public static String noteFor(RecordingCollection collection, LoadedModel model) {
        if (collection == null || model == null) {
            return "";
        }
        boolean bundled = collection.root().normalize().endsWith(WorkstationOptions.SAMPLE_RECORDINGS);
        return note(model.model().classNames(), collection.classCounts().keySet(), bundled);
    }

    /**
     * The note, or "" when there is nothing to say: every class of the model is in the collection, or the
     * collection has no labelled recording (then it is not a sample of the classes at all).
     *
     * @param modelClasses      the model's classes, in its order
     * @param collectionClasses the labels of the collection's recordings
     * @param bundledSamples    whether the collection is the sample set shipped with Auscult, whose missing
     *                          classes have no recording that may be redistributed
     */
    public static String note(List<String> modelClasses, Collection<String> collectionClasses,
                              boolean bundledSamples) {
        Set<String> present = new TreeSet<>(collectionClasses);
        if (present.isEmpty()) {
            return "";
        }
        List<String> held = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String label : modelClasses) {
            (present.contains(label) ? held : missing).add(LabelClasses.forPeople(label));
        }
        if (missing.isEmpty()) {
            return "";
        }
        String holds = held.isEmpty() ? "none of the model's classes" : spoken(held, "and") + " recordings only";
        return bundledSamples
                ? "These samples hold " + holds + "; no redistributable recording exists for "
                        + spoken(missing, "or") + "."
                : "This collection holds " + holds + "; the model also knows " + spoken(missing, "and") + ".";
    }

    /** "a", "a and b", "a, b and c". */
    static String spoken(List<String> words, String conjunction) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " "
                + words.get(words.size() - 1);
    }
}
