package org.auscult.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.auscult.learn.ModelFile;
import org.auscult.learn.TrainedModel;

/**
 * The model shipped inside Auscult, used when the user has not chosen one. How it was made, its measured figures
 * and its limits are in docs/model-card.md; `auscult train` with the command given there rebuilds it.
 */
public final class DefaultModel {

    /** Where the model sits on the class path. */
    public static final String RESOURCE = "/org/auscult/models/default.auscult";

    private DefaultModel() {
    }

    /** Whether this build carries a default model. */
    public static boolean available() {
        return DefaultModel.class.getResource(RESOURCE) != null;
    }

    /** Loads the bundled model through the same checks as any model file. */
    public static TrainedModel load() throws IOException {
        try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("this build carries no default model (" + RESOURCE
                        + "); name one with --model");
            }
            return ModelFile.read(in, Path.of("the default model " + RESOURCE));
        }
    }
}
