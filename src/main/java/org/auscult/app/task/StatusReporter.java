package org.auscult.app.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status line: what is running and how far it is (-1 when idle), or what last finished or failed. */
public final class StatusReporter {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);

    public void progress(double fraction, String text) {
        progress.set(Math.max(0, Math.min(1, fraction)));
        message.set(text);
    }

    public void done(String text) {
        progress.set(-1);
        message.set(text);
    }

    public void failed(String text) {
        progress.set(-1);
        message.set(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0 to 1 while work runs, -1 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
