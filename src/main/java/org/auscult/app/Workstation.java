package org.auscult.app;

import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.FxTaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.auscult.analysis.DefaultModel;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.playback.JavaSoundOutput;
import org.auscult.app.playback.Player;
import org.auscult.analysis.LoadedModel;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the {@link WorkstationViewModel} with real threads and the sound card, shows the
 * {@link MainWindow}, then opens the start collection and loads the model in the background (see
 * {@link WorkstationOptions}).
 */
public final class Workstation extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    private WorkstationViewModel model;
    private AnnotationViewModel annotations;
    private ExecutorService tileWorker;
    private ExecutorService playbackThread;

    /**
     * How the window closed: exit code 0 and no report, or the {@code --self-check}'s exit code and its one-line
     * report.
     */
    public record Closed(int exitCode, String report) {
    }

    private static volatile Closed closed = new Closed(0, "");

    /** Starts the JavaFX toolkit and the workstation; returns when its window is closed. */
    public static Closed launchWith(String... args) {
        Application.launch(Workstation.class, args);
        return closed;
    }

    @Override
    public void start(Stage stage) {
        WorkstationOptions options = WorkstationOptions.parse(getParameters().getRaw());
        model = create();
        annotations = new AnnotationViewModel(new FxTaskExecutor(1));
        Path database = LabelStore.defaultFile();
        annotations.connect(() -> new LabelService(LabelStore.open(database), System.getProperty("user.name", ""),
                Clock.systemUTC()));
        MainWindow window = new MainWindow(model, new LayoutStore(LayoutStore.defaultFile()), annotations);
        stage.setTitle("Auscult");
        stage.setScene(window.createScene());
        stage.setOnCloseRequest(event -> window.saveLayout(stage));
        stage.show();
        openAtStart(model, options);
        if (options.selfCheck()) {
            SelfCheck.start(model, options, stage, (code, report) -> {
                closed = new Closed(code, report);
                stage.close();
                Platform.exit();
            });
        }
    }

    /** A view model on real threads: two workers (decode/analysis and collection scans), one tile worker. */
    WorkstationViewModel create() {
        int cores = Runtime.getRuntime().availableProcessors();
        tileWorker = daemonThreads("spectrogram-tiles");
        playbackThread = daemonThreads("playback");
        return new WorkstationViewModel(new FxTaskExecutor(3), tileWorker,
                new Player(new JavaSoundOutput(), playbackThread), Platform::runLater, Math.max(1, cores - 1));
    }

    /** Loads the model and opens the collection named by {@code options}, both in the background. */
    static void openAtStart(WorkstationViewModel model, WorkstationOptions options) {
        options.collection().ifPresent(collection -> model.open(collection, options.layout()));
        Path modelFile = options.model().orElse(null);
        if (modelFile == null && !DefaultModel.available()) {
            LOG.info("This build carries no default model; verdicts need --model FILE");
            return;
        }
        new FxTaskExecutor(1).execute(BackgroundTask.of("load model", context -> LoadedModel.load(modelFile))
                .onSuccess(model.modelProperty()::set)
                .onFailure(failure -> model.status().failed("Cannot load the model: " + failure.getMessage())));
    }

    private static ExecutorService daemonThreads(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        if (annotations != null) {
            annotations.shutdown();
        }
        for (ExecutorService pool : List.of(tileWorker, playbackThread)) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
