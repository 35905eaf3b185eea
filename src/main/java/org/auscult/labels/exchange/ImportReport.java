package org.auscult.labels.exchange;

import java.util.List;

/** What an import stored, and the rows it could not place (each naming the file, line or recording). */
public record ImportReport(int labels, int events, List<String> problems) {
    public ImportReport {
        problems = List.copyOf(problems);
    }
}
