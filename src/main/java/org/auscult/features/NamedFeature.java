package org.auscult.features;

import java.util.List;

/**
 * What a {@link FeatureExtractor} or {@link RecordingFeature} says of itself, held by the features that extend this:
 * the registry name, a short name and one sentence for people, and the {@link FeatureConfig} parameters it reads.
 */
public abstract class NamedFeature {

    private final String name;
    private final String displayName;
    private final String description;
    private final List<String> parameters;

    protected NamedFeature(String name, String displayName, String description, List<String> parameters) {
        this.name = name;
        this.displayName = displayName;
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public List<String> parameters() {
        return parameters;
    }
}
