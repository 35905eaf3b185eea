package org.auscult.cli;

/** How many things to do at once. */
final class Jobs {

    private Jobs() {
    }

    /** {@code requested} when positive, otherwise one per available core. */
    static int resolve(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }
}
