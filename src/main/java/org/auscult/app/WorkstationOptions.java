package org.auscult.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.auscult.library.Layout;

/**
 * What the workstation opens at start: a collection and a model.
 *
 * <p>The collection is, in order: {@code --open PATH}, the system property {@code auscult.open}, or
 * {@code sample-recordings/circor} under the working directory when it exists. The model is {@code --model FILE},
 * the system property {@code auscult.model}, or the bundled default model when this build has one.
 *
 * @param collection the folder or label file to open, if any
 * @param layout     the collection's layout ({@code --layout NAME}), or empty to detect it
 * @param model      a model file to load instead of the default, if any
 * @param selfCheck  {@code --self-check}: open, verify that the window, collection, model and a verdict work, and
 *                   close (see {@link SelfCheck})
 */
public record WorkstationOptions(Optional<Path> collection, Optional<Layout> layout, Optional<Path> model,
                                 boolean selfCheck) {

    /** The options without {@code --self-check}. */
    public WorkstationOptions(Optional<Path> collection, Optional<Layout> layout, Optional<Path> model) {
        this(collection, layout, model, false);
    }

    /** The sample recordings shipped with Auscult, relative to the working directory. */
    public static final Path SAMPLE_RECORDINGS = Path.of("sample-recordings", "circor");

    /**
     * Reads {@code --open PATH}, {@code --layout NAME} and {@code --model FILE} (also as {@code --open=PATH}) from
     * {@code args}, then the system properties, then the defaults.
     *
     * @throws IllegalArgumentException for an unknown argument or layout, or an option without its value
     */
    public static WorkstationOptions parse(List<String> args) {
        Path open = null;
        Path model = null;
        Layout layout = null;
        boolean selfCheck = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--self-check")) {
                selfCheck = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            switch (name) {
                case "--open" -> open = Path.of(value);
                case "--model" -> model = Path.of(value);
                case "--layout" -> layout = Layout.named(value);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; the workstation knows --open PATH, --layout NAME, --model FILE and --self-check");
            }
        }
        if (open == null && System.getProperty("auscult.open") != null) {
            open = Path.of(System.getProperty("auscult.open"));
        }
        if (open == null && Files.isDirectory(SAMPLE_RECORDINGS)) {
            open = SAMPLE_RECORDINGS;
        }
        if (model == null && System.getProperty("auscult.model") != null) {
            model = Path.of(System.getProperty("auscult.model"));
        }
        return new WorkstationOptions(Optional.ofNullable(open), Optional.ofNullable(layout), Optional.ofNullable(model),
                selfCheck);
    }
}
