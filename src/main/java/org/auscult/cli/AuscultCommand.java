package org.auscult.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auscult.app.Workstation;
import org.auscult.library.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code auscult} command: batch work on heart-sound recordings from the terminal. */
@Command(
        name = "auscult",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Heart-sound (phonocardiogram) analysis: decode recordings, extract features, train and "
                + "evaluate classifiers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:some input failed (the good inputs were still processed)",
            "2:usage error"
        })
public final class AuscultCommand implements java.util.concurrent.Callable<Integer> {

    /** Every input succeeded. */
    public static final int EXIT_OK = 0;
    /** Some input failed; the rest was processed and written. */
    public static final int EXIT_INPUT_FAILED = 1;
    /** The command line itself was wrong. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--open", paramLabel = "PATH",
            description = "Without a command: the folder or collection the workstation opens "
                    + "(default: sample-recordings/circor when it exists).")
    Path open;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Without a command: the model the workstation uses (default: the bundled model).")
    Path model;

    @Option(names = "--layout", paramLabel = "LAYOUT", completionCandidates = LayoutNames.class,
            description = "Without a command: how to read --open when detection would guess wrong: "
                    + "${COMPLETION-CANDIDATES}.")
    Layout layout;

    @Option(names = "--self-check",
            description = "Without a command: open the window, read the collection, load the model, show the first "
                    + "recording's verdict, then close and report; exit code 1 when a step fails.")
    boolean selfCheck;

    /**
     * Without a command, opens the workstation (the JavaFX window); returns when it is closed. A machine where the
     * window cannot open gets what it needs named, not only the toolkit's message.
     */
    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (open != null) {
            args.addAll(List.of("--open", open.toString()));
        }
        if (layout != null) {
            args.addAll(List.of("--layout", layout.name()));
        }
        if (model != null) {
            args.addAll(List.of("--model", model.toString()));
        }
        if (selfCheck) {
            args.add("--self-check");
        }
        Optional<Integer> openedElsewhere = WindowHeap.openInSizedJvm(args);
        if (openedElsewhere.isPresent()) {
            return openedElsewhere.get();
        }
        try {
            Workstation.Closed closed = Workstation.launchWith(args.toArray(String[]::new));
            if (!closed.report().isEmpty()) {
                (closed.exitCode() == EXIT_OK ? spec.commandLine().getOut() : spec.commandLine().getErr())
                        .println(closed.report());
            }
            return closed.exitCode();
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError noWindow) {
            spec.commandLine().getErr().println("auscult: the workstation window cannot open: "
                    + describe(noWindow).replaceAll("\\.+$", "") + ".\n" + WINDOW_NEEDS);
            return EXIT_INPUT_FAILED;
        }
    }

    /** What the window needs from the system, as the README's prerequisites say. */
    static final String WINDOW_NEEDS = "It needs a graphical display and, on Linux, GTK 3 "
            + "(Debian/Ubuntu: sudo apt install libgtk-3-0 libgl1 libxtst6 libasound2). The command-line "
            + "commands need neither: java -jar auscult.jar --help.";

    /** The commands, by name, in the order the help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("info", InfoCommand.class);
        commands.put("features", FeaturesCommand.class);
        commands.put("train", TrainCommand.class);
        commands.put("evaluate", EvaluateCommand.class);
        commands.put("separability", SeparabilityCommand.class);
        commands.put("classify", ClassifyCommand.class);
        commands.put("segment", SegmentCommand.class);
        commands.put("labels", LabelsCommand.class);
        commands.put("bench", BenchCommand.class);
        return commands;
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // Building every command's model costs a few hundred milliseconds of a one-recording classify; a named
        // command needs only its own (help and errors without a command still list them all).
        if (args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return newCommandLine(out, err, List.of(args[0])).execute(args);
        }
        return newCommandLine(out, err).execute(args);
    }

    /** A configured command line with every command, writing to the given streams (tests pass their own). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, List.copyOf(COMMANDS.keySet()));
    }

    private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, List<String> commands) {
        CommandLine commandLine = new CommandLine(new AuscultCommand());
        commands.forEach(name -> commandLine.addSubcommand(name, COMMANDS.get(name)));
        // layouts by their constant or hyphenated name, any case, as the workstation reads them
        commandLine.registerConverter(Layout.class, withItsOwnMessage(Layout::named));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("auscult: " + describe(exception)));
            return exception instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_INPUT_FAILED;
        });
        return commandLine;
    }

    /**
     * A converter whose refusal reads as its message alone: picocli shows any other exception a converter throws
     * with its class name ("cannot convert 'x' to Layout (java.lang.IllegalArgumentException: ...)").
     */
    static <T> CommandLine.ITypeConverter<T> withItsOwnMessage(java.util.function.Function<String, T> parse) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException refused) {
                throw new CommandLine.TypeConversionException(describe(refused));
            }
        };
    }

    /**
     * The failure for people: a file system error says what is wrong with which path (its own message is the bare
     * path), anything else its message.
     */
    static String describe(Throwable exception) {
        if (exception instanceof java.nio.file.FileSystemException files) {
            String problem = exception instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : exception instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : exception instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : files.getReason() != null ? files.getReason() : exception.getClass().getSimpleName();
            return problem + ": " + files.getFile() + (files.getOtherFile() == null ? "" : " (" + files.getOtherFile()
                    + ")");
        }
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }
}
