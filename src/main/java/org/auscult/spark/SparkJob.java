package org.auscult.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.Verdict;
import org.auscult.experiments.DefaultRecipe;
import scala.Tuple2;

/**
 * {@code spark-submit --class org.auscult.spark.SparkJob auscult.jar features|classify INPUT OUTPUT [options]}: every
 * recording under INPUT (WAV, FLAC or MP3; any Hadoop path: local, HDFS, S3 through Hadoop's connectors) analysed as
 * {@code auscult features} or {@code auscult classify} analyses it, one table written to OUTPUT: CSV with a header
 * (and the analysis configuration in {@code OUTPUT/_analysis.properties}, which Spark and Hadoop skip when they
 * read the folder as a table, as they skip {@code _SUCCESS}), or Parquet with {@code --format parquet}.
 *
 * <p>Rows: {@code id} (the path below INPUT without its extension), {@code path}, {@code problem} ("" when the
 * recording was analysed; otherwise why not, and the values are empty), then the summary features, or the verdict
 * ({@code predicted}, {@code probability}, one {@code p_<class>} per class, {@code follow_up}, {@code warnings}).
 * A recording that cannot be read is a row with its reason, never a failed job.
 *
 * <p>Options: {@code --set key=value} (repeatable, as the command line's analysis settings; features only),
 * {@code --model FILE} (classify; a model file on the driver's file system; the bundled default model otherwise),
 * {@code --format csv|parquet}.
 */
public final class SparkJob {

    /** What to compute per recording. */
    enum Task { FEATURES, CLASSIFY }

    /** The job's arguments, checked. */
    record Job(Task task, String input, String output, Map<String, String> settings, Path model, String format)
            implements Serializable {
    }

    private SparkJob() {
    }

    public static void main(String[] args) throws IOException {
        Job job = parse(args);
        SparkSession spark = SparkSession.builder().appName("auscult " + job.task().name().toLowerCase(Locale.ROOT))
                .getOrCreate();
        try {
            run(spark, job);
        } finally {
            spark.stop();
        }
    }

    /**
     * Parses {@code features|classify INPUT OUTPUT [--recipe] [--set k=v]... [--model FILE] [--format csv|parquet]};
     * {@code --recipe} analyses as the default recipe does, as {@code features --recipe} on the command line.
     */
    static Job parse(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: features|classify INPUT OUTPUT [--recipe] [--set key=value]... "
                    + "[--model FILE] [--format csv|parquet]");
        }
        Task task = switch (args[0]) {
            case "features" -> Task.FEATURES;
            case "classify" -> Task.CLASSIFY;
            default -> throw new IllegalArgumentException("unknown task '" + args[0] + "': features or classify");
        };
        Map<String, String> settings = new LinkedHashMap<>();
        Path model = null;
        String format = "csv";
        boolean recipe = false;
        for (int i = 3; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--recipe")) {
                recipe = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--set" -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + value + "'");
                    }
                    settings.put(value.substring(0, equals), value.substring(equals + 1));
                }
                case "--model" -> model = Path.of(value);
                case "--format" -> {
                    if (!value.equals("csv") && !value.equals("parquet")) {
                        throw new IllegalArgumentException("--format is csv or parquet, got '" + value + "'");
                    }
                    format = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (task == Task.CLASSIFY && (!settings.isEmpty() || recipe)) {
            throw new IllegalArgumentException("classify analyses as the model's training data was: no --set or "
                    + "--recipe");
        }
        if (recipe) {
            Map<String, String> fromRecipe = new LinkedHashMap<>(DefaultRecipe.analysisProperties());
            fromRecipe.putAll(settings);
            settings = fromRecipe;
        }
        if (task == Task.FEATURES && model != null) {
            throw new IllegalArgumentException("--model is for classify");
        }
        return new Job(task, args[1], args[2], settings, model, format);
    }

    /** Runs {@code job} on {@code spark}; returns the table written. */
    static Dataset<Row> run(SparkSession spark, Job job) throws IOException {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.hadoopConfiguration().setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        LoadedModel model = job.task() == Task.CLASSIFY ? LoadedModel.load(job.model()) : null;
        AnalysisConfig config = model != null ? LoadedModel.analysisConfigOf(model) : configOf(job.settings());
        RecordingAnalyzer probe = model != null ? RecordingAnalyzer.judging(model, null, false)
                : new RecordingAnalyzer(config);
        StructType schema = schema(job.task(), probe.featureNames(), model);
        Broadcast<byte[]> modelBytes = context.broadcast(job.model() == null ? new byte[0]
                : Files.readAllBytes(job.model()));
        Map<String, String> properties = new LinkedHashMap<>(config.toProperties());
        String root = new org.apache.hadoop.fs.Path(job.input()).makeQualified(
                FileSystem.get(URI.create(job.input()), context.hadoopConfiguration()).getUri(), null).toString();
        Task task = job.task();
        // a few partitions per core, so a slow recording does not hold up one core while the others wait
        int partitions = 4 * context.defaultParallelism();
        JavaRDD<Row> rows;
        if (root.startsWith("file:")) {
            // Hadoop lists a local folder by running a process per file where it has no native code (minutes for a
            // few thousand recordings): the driver lists it, and each worker reads its recordings where they are
            Path folder = Path.of(URI.create(root));
            List<String> files = localAudioFiles(folder);
            String localRoot = folder.toUri().toString();
            rows = context.parallelize(files, Math.max(1, Math.min(files.size(), partitions)))
                    .mapPartitions((Iterator<String> paths) ->
                            new RecordingTask(task, properties, modelBytes.value(), localRoot).localRows(paths));
        } else {
            rows = context.binaryFiles(job.input(), partitions)
                    .filter(file -> RecordingTask.isAudio(file._1()))
                    .mapPartitions((Iterator<Tuple2<String, PortableDataStream>> files) ->
                            new RecordingTask(task, properties, modelBytes.value(), root).rows(files));
        }
        // analysed once: ordering the table samples it first, and a caller may count it
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> table = spark.createDataFrame(rows, schema).orderBy("id");
        if (job.format().equals("parquet")) {
            table.write().mode(SaveMode.ErrorIfExists).parquet(job.output());
        } else {
            table.coalesce(1).write().mode(SaveMode.ErrorIfExists).option("header", true).option("emptyValue", "")
                    .csv(job.output());
            writeConfiguration(context, job.output(), properties);
        }
        return table;
    }

    /** The recordings in {@code folder} and below it (or the one file it is), as {@code file:} URIs, sorted. */
    static List<String> localAudioFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return RecordingTask.isAudio(folder.toString()) ? List.of(folder.toUri().toString()) : List.of();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(file -> RecordingTask.isAudio(file.toString()))
                    .map(file -> file.toUri().toString()).sorted().toList();
        }
    }

    static AnalysisConfig configOf(Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>(AnalysisConfig.defaults().toProperties());
        properties.putAll(settings);
        AnalysisConfig.requireKnownKeys(properties);
        return AnalysisConfig.of(properties);
    }

    private static StructType schema(Task task, List<String> featureNames, LoadedModel model) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, false),
                DataTypes.createStructField("path", DataTypes.StringType, false),
                DataTypes.createStructField("problem", DataTypes.StringType, false)));
        if (task == Task.FEATURES) {
            featureNames.forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true)));
        } else {
            fields.add(DataTypes.createStructField("predicted", DataTypes.StringType, true));
            fields.add(DataTypes.createStructField("probability", DataTypes.DoubleType, true));
            model.model().classNames()
                    .forEach(name -> fields.add(DataTypes.createStructField("p_" + name, DataTypes.DoubleType, true)));
            fields.add(DataTypes.createStructField("follow_up", DataTypes.StringType, true));
            fields.add(DataTypes.createStructField("warnings", DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** The analysis configuration beside the CSV table, as the command line writes it beside its own. */
    private static void writeConfiguration(JavaSparkContext context, String output, Map<String, String> properties)
            throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(output, "_analysis.properties");
        FileSystem fs = file.getFileSystem(context.hadoopConfiguration());
        StringBuilder text = new StringBuilder("# Analysis configuration of the feature table in this folder\n");
        new java.util.TreeMap<>(properties).forEach((key, value) -> text.append(key).append('=').append(value)
                .append('\n'));
        try (OutputStream out = fs.create(file, false)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The work of one partition: each recording copied to a local file and analysed there. */
    record RecordingTask(Task task, Map<String, String> properties, byte[] modelBytes, String root)
            implements Serializable {

        static boolean isAudio(String uri) {
            String name = uri.toLowerCase(Locale.ROOT);
            return name.endsWith(".wav") || name.endsWith(".flac") || name.endsWith(".mp3");
        }

        /** Recordings read through Hadoop (HDFS, S3, ...): each copied to a local temporary file first. */
        Iterator<Row> rows(Iterator<Tuple2<String, PortableDataStream>> files) throws IOException {
            RecordingAnalyzer analyzer = analyzer();
            int features = analyzer.featureNames().size();
            List<Row> rows = new ArrayList<>();
            while (files.hasNext()) {
                Tuple2<String, PortableDataStream> file = files.next();
                String uri = file._1();
                rows.add(row(analyzer, uri, () -> {
                    Path local = Files.createTempFile("auscult-", uri.substring(uri.lastIndexOf('.')));
                    try (InputStream in = file._2().open()) {
                        Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    return local;
                }, true, features));
            }
            return rows.iterator();
        }

        /** Recordings on a file system every worker sees at the same path: read where they are. */
        Iterator<Row> localRows(Iterator<String> files) throws IOException {
            RecordingAnalyzer analyzer = analyzer();
            int features = analyzer.featureNames().size();
            List<Row> rows = new ArrayList<>();
            while (files.hasNext()) {
                String uri = files.next();
                rows.add(row(analyzer, uri, () -> Path.of(URI.create(uri)), false, features));
            }
            return rows.iterator();
        }

        private RecordingAnalyzer analyzer() throws IOException {
            RecordingAnalyzer analyzer;
            if (task == Task.CLASSIFY) {
                Path modelFile = null;
                if (modelBytes.length > 0) {
                    modelFile = Files.createTempFile("auscult-model-", ".auscult");
                    Files.write(modelFile, modelBytes);
                }
                analyzer = RecordingAnalyzer.judging(LoadedModel.load(modelFile), null, false).assessingQuality();
                if (modelFile != null) {
                    Files.deleteIfExists(modelFile);
                }
            } else {
                analyzer = new RecordingAnalyzer(AnalysisConfig.of(properties));
            }
            return analyzer;
        }

        /** Where a recording can be read on this worker. */
        @FunctionalInterface
        private interface LocalFile {
            Path open() throws IOException;
        }

        /** The row of the recording at {@code uri}; {@code temporary}: the local file is a copy, deleted after. */
        private Row row(RecordingAnalyzer analyzer, String uri, LocalFile file, boolean temporary, int features) {
            String id = idOf(uri);
            Path local = null;
            try {
                local = file.open();
                RecordingAnalyzer.Analysis analysis = analyzer.analyze(local);
                List<Object> cells = new ArrayList<>(List.of(id, uri, ""));
                if (task == Task.FEATURES) {
                    Arrays.stream(analysis.features().summary().values()).forEach(cells::add);
                } else {
                    Verdict verdict = analysis.verdict();
                    cells.add(verdict.predictedClass());
                    cells.add(verdict.judged() ? verdict.confidence() : null);
                    for (int c = 0; c < verdict.classNames().size(); c++) {
                        cells.add(verdict.judged() ? verdict.probabilities()[c] : null);
                    }
                    cells.add(verdict.followUp());
                    cells.add(String.join(" | ", verdict.warnings()));
                }
                return RowFactory.create(cells.toArray());
            } catch (Exception | OutOfMemoryError e) {
                // the recording's reason, as the command line would give it; the job goes on with the rest
                String problem = e.getMessage() == null ? e.toString() : e.getMessage();
                if (local != null && temporary) {
                    problem = problem.replace(local.toString(), uri);   // the file as the user named it
                }
                List<Object> cells = new ArrayList<>(List.of(id, uri, problem));
                // no values: the features, or the predicted class, its probability and one per class
                int empty = task == Task.FEATURES ? features : 2 + analyzer.modelClassCount();
                cells.addAll(Collections.nCopies(empty, null));
                if (task == Task.CLASSIFY) {
                    cells.add("");   // follow_up
                    cells.add("");   // warnings
                }
                return RowFactory.create(cells.toArray());
            } finally {
                if (local != null && temporary) {
                    try {
                        Files.deleteIfExists(local);
                    } catch (IOException ignored) {
                        // a temporary file the system cleans up
                    }
                }
            }
        }

        /** The path below the input root, without its extension: {@code ward2/p1/apex}. */
        String idOf(String uri) {
            String relative = uri.startsWith(root) ? uri.substring(root.length()) : uri.substring(uri.lastIndexOf('/'));
            relative = relative.replaceFirst("^/+", "");
            int dot = relative.lastIndexOf('.');
            return dot > 0 ? relative.substring(0, dot) : relative;
        }
    }
}
