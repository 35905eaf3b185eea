package org.auscult.cli;

/** How many things to do at once. */
final class Jobs {

    private Jobs() {
    }

    /**
     * {@code requested} when positive, one per available core for 0 (every command's default).
     *
     * @throws IllegalArgumentException for a negative count, which can only be a mistake
     */
    static int resolve(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("--jobs must be 0 (one per core) or more, got " + requested);
        }
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }
}
