package org.auscult.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.playback.NoAudioDevice;
import org.auscult.app.playback.Player;
import org.auscult.app.task.FxTaskExecutor;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;

/**
 * The workstation's window for a UI test, put together as the application puts it together: the view model (its
 * background tasks on their own threads, no sound device), a label database when the test asks for one, and the main
 * window shown on the test's stage. {@link #close()} after each test stops its threads.
 */
public final class TestWindow {

    public final WorkstationViewModel model;
    /** The labelling of the window, or null when the test asked for no label database. */
    public final AnnotationViewModel annotations;
    public final MainWindow window;
    private final ExecutorService tileWorker;

    private TestWindow(Setup setup, Stage stage) {
        tileWorker = Executors.newSingleThreadExecutor();
        model = new WorkstationViewModel(new FxTaskExecutor(setup.workers), tileWorker,
                new Player(new NoAudioDevice(), Runnable::run), Platform::runLater, setup.scanThreads);
        LayoutStore layout = new LayoutStore(setup.layoutFile);
        if (setup.labels == null) {
            annotations = null;
            window = new MainWindow(model, layout);
        } else {
            annotations = new AnnotationViewModel(new FxTaskExecutor(1));
            annotations.connect(() -> new LabelService(LabelStore.open(setup.labels), "tester", Clock.systemUTC()));
            window = new MainWindow(model, layout, annotations);
        }
        stage.setScene(window.createScene());
        if (setup.atOrigin) {
            stage.setX(0);
            stage.setY(0);
        }
        if (setup.width > 0) {
            stage.setWidth(setup.width);
            stage.setHeight(setup.height);
        }
        stage.show();
    }

    /** A window whose panel layout is kept in {@code layoutFile}, with two task threads and one scan thread. */
    public static Setup layout(Path layoutFile) {
        return new Setup(layoutFile);
    }

    /** Stops the window's threads. */
    public void close() {
        model.shutdown();
        if (annotations != null) {
            annotations.shutdown();
        }
        tileWorker.shutdownNow();
    }

    /** How the window is put together; the defaults are those most tests want. */
    public static final class Setup {
        private final Path layoutFile;
        private int workers = 2;
        private int scanThreads = 1;
        private Path labels;
        private boolean atOrigin;
        private double width;
        private double height;

        private Setup(Path layoutFile) {
            this.layoutFile = layoutFile;
        }

        /** Background tasks of the view model on {@code threads} threads (default 2). */
        public Setup workers(int threads) {
            workers = threads;
            return this;
        }

        /** Collection scans on {@code threads} threads (default 1). */
        public Setup scanThreads(int threads) {
            scanThreads = threads;
            return this;
        }

        /** Labelling on, as in the application, with its label database in {@code database}. */
        public Setup labels(Path database) {
            labels = database;
            return this;
        }

        /** The window at the screen's top left corner. */
        public Setup atOrigin() {
            atOrigin = true;
            return this;
        }

        /** The window's size (else the scene's own). */
        public Setup size(double width, double height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** The window, shown on {@code stage}. */
        public TestWindow show(Stage stage) {
            return new TestWindow(this, stage);
        }
    }
}
