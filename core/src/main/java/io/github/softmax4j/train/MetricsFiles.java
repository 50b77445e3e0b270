package io.github.softmax4j.train;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.softmax4j.data.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A run's metrics as files: {@code metrics.json} ({@code {"status", "pid", "config": {...},
 * "epochs": [{"epoch", "lr", "train_loss", "train_acc", "val_loss", "val_acc", "test_acc",
 * "seconds"}, ...], "selected": {"epoch", "val_acc", "test_acc"}}}, where pid is the training
 * process's while it runs, the validation figures appear only with a validation split, test_acc
 * only without one, and selected only when a validated run has ended) and {@code metrics.csv}
 * with the epochs' columns, a figure not measured left empty. Both are written atomically, so
 * they can be rewritten after every epoch while a person or a script reads them.
 */
public final class MetricsFiles {
    /** Column names, in order, of the CSV. */
    public static final List<String> COLUMNS = List.of("epoch", "lr", "train_loss", "train_acc", "val_loss",
            "val_acc", "test_acc", "seconds");
    /** The JSON file's name in a run folder. */
    public static final String JSON_FILE = "metrics.json";
    /** metrics.json of a thousand epochs is about 150 KB; a larger one is not read as a run's record. */
    public static final long MAX_BYTES = 8L << 20;
    /** The CSV file's name in a run folder. */
    public static final String CSV_FILE = "metrics.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsFiles() {
    }

    /** Writes {@code metrics.json} and {@code metrics.csv} into {@code dir}. */
    public static void write(Path dir, RunMetrics metrics) throws IOException {
        AtomicFiles.write(dir.resolve(JSON_FILE), toJson(metrics));
        writeCsv(dir.resolve(CSV_FILE), metrics.epochs());
    }

    /** The JSON form as UTF-8 bytes. */
    public static byte[] toJson(RunMetrics metrics) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochStats stats : metrics.epochs()) {
            rows.add(stats.toMap());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", metrics.status().id());
        if (metrics.status() == RunStatus.RUNNING) {
            document.put("pid", ProcessHandle.current().pid());
        }
        document.put("config", metrics.config());
        document.put("epochs", rows);
        if (metrics.selected() != null) {
            document.put("selected", metrics.selected().toMap());
        }
        return JSON.writeValueAsBytes(document);
    }

    /** Whether a run whose metrics.json says running, naming the process id {@code pid} (empty if none), is training. */
    @FunctionalInterface
    public interface Training {
        boolean test(OptionalLong pid);
    }

    /**
     * Reads the JSON form back, its status as written; an absent status (files of older versions)
     * reads as finished. Throws IllegalArgumentException saying what is wrong with the document,
     * in a few words.
     */
    public static RunMetrics fromJson(byte[] json) throws IOException {
        return fromJson(json, pid -> true);
    }

    /**
     * Reads the JSON form back as {@link #fromJson(byte[])} does, a running status that
     * {@code training} denies reading as interrupted.
     */
    public static RunMetrics fromJson(byte[] json, Training training) throws IOException {
        return fromTree(tree(json), training);
    }

    // the metrics of a document that is an object with "epochs"; IllegalArgumentException saying what else is wrong
    private static RunMetrics fromTree(JsonNode root, Training training) {
        RunStatus status = root.hasNonNull("status") ? RunStatus.fromId(root.get("status").asText())
                : RunStatus.FINISHED;
        if (status == RunStatus.RUNNING && !training.test(root.path("pid").canConvertToLong()
                ? OptionalLong.of(root.get("pid").asLong()) : OptionalLong.empty())) {
            status = RunStatus.INTERRUPTED;
        }
        Map<String, Object> config = root.path("config").isObject()
                ? JSON.convertValue(root.get("config"), JSON.getTypeFactory().constructMapType(LinkedHashMap.class,
                        String.class, Object.class))
                : Map.of();
        List<EpochStats> epochs = new ArrayList<>();
        for (JsonNode row : root.get("epochs")) {
            Map<String, Number> values = new LinkedHashMap<>();
            row.fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    values.put(field.getKey(), field.getValue().numberValue());
                }
            });
            epochs.add(EpochStats.fromMap(values));
        }
        RunMetrics.Selected selected = null;
        JsonNode chosen = root.path("selected");
        if (chosen.isObject()) {
            selected = new RunMetrics.Selected(chosen.path("epoch").asInt(), chosen.path("val_acc").asDouble(Double.NaN),
                    chosen.path("test_acc").isNumber() ? chosen.get("test_acc").asDouble() : Double.NaN);
        }
        return new RunMetrics(status, config, epochs, selected);
    }

    /**
     * metrics.json's document as a tree, checked as every reader of run folders checks it: all that
     * {@link #fromJson(byte[])} reads (an object with "epochs", a known status, each epoch's
     * figures); throws IllegalArgumentException saying what is wrong with it in a few words.
     */
    public static JsonNode parse(byte[] json) throws IOException {
        JsonNode root = tree(json);
        fromTree(root, pid -> true);
        return root;
    }

    // the document as a tree, an object with "epochs"; IllegalArgumentException saying what is wrong otherwise
    private static JsonNode tree(byte[] json) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(notJson(e), e);
        }
        if (root == null || !root.isObject() || !root.path("epochs").isArray()) {
            throw new IllegalArgumentException("not a metrics file: it needs an object with \"epochs\"");
        }
        return root;
    }

    /** What a JSON parser found wrong, in a few words and without its own text: {@code not valid JSON at line 1, column 2}. */
    public static String notJson(JsonProcessingException problem) {
        JsonLocation where = problem.getLocation();
        return where == null || where.getLineNr() < 1 ? "not valid JSON"
                : "not valid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** Writes the CSV form (header line, then one line per epoch) to {@code path}. */
    public static void writeCsv(Path path, List<EpochStats> epochs) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (EpochStats s : epochs) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%.4f\n", s.epoch(),
                    Float.isNaN(s.learningRate()) ? "" : Float.toString(s.learningRate()),
                    s.trainLoss(), s.trainAccuracy(), cell(s.valLoss()), cell(s.valAccuracy()), cell(s.testAccuracy()),
                    s.seconds()));
        }
        AtomicFiles.write(path, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.valueOf(value);
    }
}
