package org.auscult.app.training;

import java.nio.file.Path;

import org.auscult.analysis.LoadedModel;
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
}
