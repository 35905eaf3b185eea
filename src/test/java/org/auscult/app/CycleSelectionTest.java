package org.auscult.app;

import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.task.TaskRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.playback.JavaSoundOutput;
import org.auscult.app.playback.Player;
import org.auscult.library.Recording;
import org.auscult.segmentation.Segment;
import org.junit.jupiter.api.Test;

/**
 * The recording on screen is segmented in the background with its analysis, and a newer selection cancels the
 * segmentation of the older one: tasks are held back and run when the test says.
 */
class CycleSelectionTest {

    /** Queues every task and runs the queue on request, callbacks included, on the calling thread. */
    private static final class HeldExecutor implements TaskExecutor {
        private final List<TaskRun<?>> queue = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private final List<TaskRun<?>> all = new ArrayList<>();

        @Override
        public <T> Handle execute(BackgroundTask<T> task) {
            TaskRun<T> run = new TaskRun<>(task, Runnable::run);
            queue.add(run);
            all.add(run);
            titles.add(task.title());
            return run;
        }

        /** Runs the tasks queued now; those they queue wait for the next call. */
        void runQueued() {
            List<TaskRun<?>> now = new ArrayList<>(queue);
            queue.clear();
            now.forEach(TaskRun::run);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                runQueued();
            }
        }

        TaskRun<?> find(String title) {
            return all.get(titles.indexOf(title));
        }

        @Override
        public void shutdown() {
        }
    }

    private static RecordingRow row(String name) {
        Path path = SampleModel.CIRCOR.resolve(name + ".wav");
        return new RecordingRow(new Recording(path, name, Optional.empty(), "", name, "", Map.of()));
    }

    @Test
    void aNewerSelectionCancelsTheOlderSegmentation() {
        HeldExecutor executor = new HeldExecutor();
        WorkstationViewModel model = new WorkstationViewModel(executor, Runnable::run,
                new Player(new JavaSoundOutput(), Runnable::run), Runnable::run, 1);
        RecordingRow first = row("36327_MV");
        RecordingRow second = row("68413_PV");
        model.select(first);
        executor.runQueued(); // decodes the first; its analysis and segmentation wait in the queue
        assertEquals(first, model.loadedProperty().get().row());
        assertNull(model.cycle().automaticProperty().get());
        String firstSegmentation = "analyse " + first.name(); // the analysis segments the recording
        assertFalse(executor.find(firstSegmentation).isCancelled());

        model.select(second);
        assertTrue(executor.find(firstSegmentation).isCancelled(), "the newer selection cancels it");
        executor.runAll();
        assertEquals(second, model.loadedProperty().get().row());
        List<Segment> segments = model.cycle().automaticProperty().get().segments();
        assertEquals(model.viewport().duration(), segments.get(segments.size() - 1).endSeconds(), 1e-9,
                "the segmentation on screen is the second recording's");
        assertTrue(model.cycle().summaryProperty().get().heartRate().startsWith("Heart rate "));
        assertFalse(model.cycle().shownProperty().get().bands().isEmpty());
        model.shutdown();
    }
}
