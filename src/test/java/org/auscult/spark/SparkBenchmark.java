package org.auscult.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code SparkBenchmark MASTER INPUT OUTPUT}: the Spark job's feature extraction over INPUT in one local session
 * (e.g. {@code local[2]}), timed from the session's start to the table written, to set beside
 * {@code auscult features --jobs 2} (docs/benchmarks.md).
 */
public final class SparkBenchmark {

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(args[0]).appName("auscult benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        long session = System.nanoTime();
        long rows = SparkJob.run(spark, SparkJob.parse(new String[] {"features", args[1], args[2]})).count();
        long done = System.nanoTime();
        spark.stop();
        System.out.printf(Locale.ROOT, "%s: %d rows; session %.1f s, features %.1f s, in all %.1f s%n", args[0], rows,
                (session - start) / 1e9, (done - session) / 1e9, (done - start) / 1e9);
    }
}
