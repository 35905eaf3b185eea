package org.auscult.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Several imported collections trained and evaluated as one, each recording keeping where it came from. A
 * recording of the collection named {@code n} becomes, in the combined set:
 * <ul>
 *   <li>id {@code n/<id>}, so ids stay unique across collections;</li>
 *   <li>patient {@code n/<patient>}, so patient groups of different collections never merge (and a CirCor child
 *       with two IDs stays one group, as the reader made it);</li>
 *   <li>source {@code n/<source>} ({@code physionet2016/training-a}, {@code pascal2011/set_b}), or {@code n} when
 *       the collection names none: the unit of leave-one-source-out and of source balancing;</li>
 *   <li>its label unchanged, or the label the {@link LabelTaxonomy} gives it for a chosen answer
 *       ({@link #labelledFor}).</li>
 * </ul>
 *
 * @param parts the collections by name, in the order given
 */
public record Corpora(Map<String, RecordingCollection> parts) {

    /** Metadata key holding the name of the collection a recording came from. */
    public static final String CORPUS = "corpus";

    public Corpora {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no collections");
        }
        for (String name : parts.keySet()) {
            if (name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("collection name must be non-empty without '/', got '" + name + "'");
            }
        }
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /**
     * The collections named by their folders ({@code pascal2011}, {@code circor2022}); a name met twice gets
     * {@code -2}, {@code -3}, ... in the order given.
     */
    public static Corpora named(List<RecordingCollection> collections) {
        Map<String, RecordingCollection> parts = new LinkedHashMap<>();
        for (RecordingCollection collection : collections) {
            Path folder = collection.root().getFileName();
            String base = folder == null ? "collection" : folder.toString().replace('/', '_');
            String name = base.isBlank() ? "collection" : base;
            for (int n = 2; parts.containsKey(name); n++) {
                name = base + "-" + n;
            }
            parts.put(name, collection);
        }
        return new Corpora(parts);
    }

    /**
     * The collections as one collection to train and evaluate on: every recording renamed as the class comment
     * says, labels unchanged, every import problem kept. Its root is the first collection's; its layout the
     * layout all share, or {@link Layout#GENERIC_CSV} when they differ.
     */
    public RecordingCollection combined() {
        List<RecordingCollection> collections = List.copyOf(parts.values());
        Layout layout = collections.stream().map(RecordingCollection::layout).distinct().count() == 1
                ? collections.get(0).layout() : Layout.GENERIC_CSV;
        List<ImportProblem> problems = new ArrayList<>();
        collections.forEach(collection -> problems.addAll(collection.problems()));
        List<Recording> all = new ArrayList<>(recordings());
        all.sort(java.util.Comparator.comparing(Recording::id));
        return new RecordingCollection(collections.get(0).root(), layout, all, problems);
    }

    /** Every recording of every collection, renamed as the class comment says, labels unchanged. */
    public List<Recording> recordings() {
        return relabelled((layout, recording) -> recording.label());
    }

    /**
     * Every recording of every collection, labelled by the {@link LabelTaxonomy} for {@code answer}: recordings that
     * teach nothing for it are kept unlabelled (for prediction and patient-level verdicts).
     */
    public List<Recording> labelledFor(LabelTaxonomy.Answer answer) {
        return relabelled((layout, recording) -> LabelTaxonomy.labelFor(answer, layout, recording));
    }

    /** Every recording of every collection, renamed, with the label {@code label} gives it in its layout. */
    private List<Recording> relabelled(BiFunction<Layout, Recording, Optional<String>> label) {
        return parts.entrySet().stream().flatMap(part -> part.getValue().recordings().stream().map(recording ->
                renamed(part.getKey(), recording, label.apply(part.getValue().layout(), recording)))).toList();
    }

    /** The combined sources, sorted. */
    public Set<String> sources() {
        Set<String> sources = new TreeSet<>();
        recordings().forEach(recording -> sources.add(recording.source()));
        return sources;
    }

    /** The name of the collection a combined recording came from. */
    public static String corpusOf(Recording recording) {
        return recording.metadata().getOrDefault(CORPUS, "");
    }

    private static Recording renamed(String name, Recording recording, Optional<String> label) {
        Map<String, String> metadata = new LinkedHashMap<>(recording.metadata());
        metadata.put(CORPUS, name);
        String source = recording.source().isEmpty() ? name : name + "/" + recording.source();
        return new Recording(recording.path(), name + "/" + recording.id(), label, recording.originalLabel(),
                name + "/" + recording.patient(), source, metadata);
    }
}
