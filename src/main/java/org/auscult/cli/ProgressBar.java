package org.auscult.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the error stream, redrawn in place on a terminal; where the output is not a terminal
 * (a log file, CI) it prints a line at every tenth of the work instead, so logs stay short.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String task;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private int lastDecile = -1;

    ProgressBar(PrintWriter err, String task, boolean interactive) {
        this.err = err;
        this.task = task;
        this.interactive = interactive;
    }

    static ProgressBar forTerminal(PrintWriter err, String task) {
        return new ProgressBar(err, task, System.console() != null);
    }

    synchronized void update(int done, int total) {
        double fraction = total == 0 ? 1 : done / (double) total;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (interactive) {
            int filled = (int) Math.round(fraction * WIDTH);
            String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
            double remaining = done == 0 ? Double.NaN : elapsed * (total - done) / done;
            err.printf("\r%s [%s] %d/%d %3.0f%%  %.1f s elapsed%s", task, bar, done, total, 100 * fraction, elapsed,
                    Double.isNaN(remaining) ? "" : String.format(", %.1f s left  ", remaining));
            if (done == total) {
                err.println();
            }
            err.flush();
        } else {
            int decile = (int) Math.floor(fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("%s: %d/%d (%.0f%%) after %.1f s%n", task, done, total, 100 * fraction, elapsed);
                err.flush();
            }
        }
    }
}
