package org.auscult.cli;

import java.io.PrintWriter;
import java.util.List;
import org.auscult.analysis.FeatureTableBuilder.Failure;

/** The summary of failed inputs a batch command prints at its end, and the exit code that goes with it. */
final class Failures {

    private Failures() {
    }

    /** Lists the failures on the error stream; returns 0 when there are none, else 1. */
    static int report(List<Failure> failures, PrintWriter err) {
        if (failures.isEmpty()) {
            return AuscultCommand.EXIT_OK;
        }
        err.printf("%d input%s failed:%n", failures.size(), failures.size() == 1 ? "" : "s");
        failures.forEach(failure -> err.println("  " + failure));
        err.flush();
        return AuscultCommand.EXIT_INPUT_FAILED;
    }
}
