package org.auscult.app;

import java.nio.file.Path;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.labels.AnnotationViewModel;
import org.auscult.app.training.WorkstationLink;
import org.auscult.analysis.LoadedModel;
import org.auscult.library.RecordingCollection;

/**
 * The training wizard's {@link WorkstationLink} to the running workstation. It lives beside the workstation, not in
 * the wizard's package, so that the wizard depends only on the interface and the packages stay free of cycles.
 */
final class WorkstationLinks {

    private WorkstationLinks() {
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
