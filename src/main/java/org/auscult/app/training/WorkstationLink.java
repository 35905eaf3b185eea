package org.auscult.app.training;

import java.nio.file.Path;
import java.util.Objects;

import javafx.collections.ListChangeListener;
import org.auscult.app.WorkstationViewModel;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.verdict.LoadedModel;
import org.auscult.library.RecordingCollection;

/** What the training wizard may ask of the workstation: its collection, its model, and to show a recording. */
public interface WorkstationLink {

    /** The collection open in the workstation, or null. */
    RecordingCollection openCollection();

    /** The model giving verdicts, or null. */
    LoadedModel activeModel();

    /** Makes {@code model} the model giving verdicts. */
    void useModel(LoadedModel model);

    /** Shows {@code recording} of {@code collection} in the waveform view (opening the collection when needed). */
    void showRecording(RecordingCollection collection, Path recording);

    /**
     * {@code collection} with the labels the user made in the workstation applied (their own class wins over an
     * imported or the collection's one; recordings marked unusable are not trained on). Called on a background
     * thread: it may read the label database.
     */
    default RecordingCollection withCurrentLabels(RecordingCollection collection) {
        return collection;
    }

    /** The link to a running workstation whose label database supplies the current labels. */
    static WorkstationLink of(WorkstationViewModel workstation, AnnotationViewModel annotations) {
        WorkstationLink plain = of(workstation);
        return new WorkstationLink() {
            @Override
            public RecordingCollection openCollection() {
                return plain.openCollection();
            }

            @Override
            public LoadedModel activeModel() {
                return plain.activeModel();
            }

            @Override
            public void useModel(LoadedModel model) {
                plain.useModel(model);
            }

            @Override
            public void showRecording(RecordingCollection collection, Path recording) {
                plain.showRecording(collection, recording);
            }

            @Override
            public RecordingCollection withCurrentLabels(RecordingCollection collection) {
                return annotations.withUserLabels(collection);
            }
        };
    }

    /** The link to a running workstation. */
    static WorkstationLink of(WorkstationViewModel workstation) {
        Objects.requireNonNull(workstation, "workstation");
        return new WorkstationLink() {
            @Override
            public RecordingCollection openCollection() {
                return workstation.browser().collectionProperty().get();
            }

            @Override
            public LoadedModel activeModel() {
                return workstation.modelProperty().get();
            }

            @Override
            public void useModel(LoadedModel model) {
                workstation.modelProperty().set(model);
            }

            @Override
            public void showRecording(RecordingCollection collection, Path recording) {
                if (!selectRow(recording)) {
                    // Open the wizard's collection in the browser, then select the recording once its rows arrive.
                    workstation.browser().rows().addListener(new ListChangeListener<RecordingRow>() {
                        @Override
                        public void onChanged(Change<? extends RecordingRow> change) {
                            workstation.browser().rows().removeListener(this);
                            selectRow(recording);
                        }
                    });
                    workstation.open(collection.root());
                }
            }

            private boolean selectRow(Path recording) {
                for (RecordingRow row : workstation.browser().rows()) {
                    if (row.recording().path().equals(recording)) {
                        workstation.browser().selectedProperty().set(row);
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
