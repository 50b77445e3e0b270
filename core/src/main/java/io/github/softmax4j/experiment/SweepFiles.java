package io.github.softmax4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's files: {@code sweep.json} ({@code {"grid": {...}, "runs": [{"name", "config", "seed",
 * "status", "epoch", "val_acc", "val_loss", "test_acc", "seconds"}], "ranking": [{"config",
 * "val_acc_mean", "val_acc_sd", "runs", "diverged", "epoch", "seconds"}], "winner": {"config", "run",
 * "test_acc"}}}, where test_acc is null for every run but the winner, and val_acc_sd is null for a
 * setting of one seed, see {@link Ranking.Entry#deviates}) and {@code sweep.csv}, one row per run.
 * Both written atomically; sweep.json is written with the grid alone when the sweep starts, so
 * {@code sweep --resume} knows what to run.
 */
public final class SweepFiles {
    /** The CSV file's name. */
    public static final String CSV_FILE = "sweep.csv";
    private static final List<String> SETTINGS = List.copyOf(TrainConfig.defaults().toMap().keySet().stream()
            .filter(key -> !key.equals("seed")).toList());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String REMEDY = "start a new sweep";

    private SweepFiles() {
    }

    /** Writes sweep.json and sweep.csv into {@code dir}; {@code winner} may be null. */
    public static void write(Path dir, SweepGrid grid, List<RunResult> runs, List<Ranking.Entry> ranking,
                             RunResult winner) throws IOException {
        AtomicFiles.write(dir.resolve(Sweep.JSON_FILE), JSON.writeValueAsBytes(document(grid, runs, ranking, winner)));
        AtomicFiles.write(dir.resolve(CSV_FILE), csv(runs).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON document; {@code grid} may be null (a comparison of existing runs has none). */
    public static Map<String, Object> document(SweepGrid grid, List<RunResult> runs, List<Ranking.Entry> ranking,
                                               RunResult winner) {
        Map<String, Object> document = new LinkedHashMap<>();
        if (grid != null) {
            document.put("grid", grid.toMap());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", run.name());
            row.put("config", run.settings());
            row.put("seed", run.seed());
            row.put("status", run.status().id());
            row.put("epoch", run.keptEpoch());
            row.put("val_acc", number(run.valAccuracy()));
            row.put("val_loss", number(run.valLoss()));
            row.put("test_acc", number(run.testAccuracy()));
            row.put("seconds", run.seconds());
            rows.add(row);
        }
        document.put("runs", rows);
        List<Map<String, Object>> places = new ArrayList<>();
        for (Ranking.Entry entry : ranking) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("config", entry.settings());
            place.put(entry.validated() ? "val_acc_mean" : "test_acc_mean", number(entry.mean()));
            // null where the setting has no deviation to show (one seed), so every reader shows it alike
            place.put(entry.validated() ? "val_acc_sd" : "test_acc_sd", entry.deviates() ? number(entry.sd()) : null);
            place.put("runs", entry.runs());
            place.put("diverged", entry.diverged());
            place.put("epoch", entry.keptEpoch());
            place.put("seconds", entry.seconds());
            places.add(place);
        }
        document.put("ranking", places);
        if (winner != null) {
            Map<String, Object> won = new LinkedHashMap<>();
            won.put("config", winner.settings());
            won.put("run", winner.name());
            won.put("test_acc", number(winner.testAccuracy()));
            document.put("winner", won);
        }
        return document;
    }

    /**
     * {@code document}, a sweep.json as read, as this version writes it: the standard deviation of
     * every setting that has none to show ({@link Ranking#deviates(long)}, counting the distinct
     * seeds of its runs in the file's list of runs) is null, also in files written before it was
     * left null there. The document itself is left as it is.
     */
    public static JsonNode current(JsonNode document) {
        JsonNode copy = document.deepCopy();
        Map<String, String> seeds = new HashMap<>();
        copy.path("runs").forEach(run -> seeds.put(run.path("name").asText(), run.path("seed").asText()));
        for (JsonNode place : copy.path("ranking")) {
            Set<String> distinct = new HashSet<>();
            place.path("runs").forEach(run -> {
                if (seeds.containsKey(run.asText())) {
                    distinct.add(seeds.get(run.asText()));
                }
            });
            if (place instanceof ObjectNode fields && !Ranking.deviates(distinct.size())) {
                for (String key : List.of("val_acc_sd", "test_acc_sd")) {
                    if (fields.has(key)) {
                        fields.putNull(key);
                    }
                }
            }
        }
        return copy;
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** The grid a sweep folder's sweep.json records; throws an IOException saying what is wrong. */
    public static SweepGrid readGrid(Path dir) throws IOException {
        Path file = dir.resolve(Sweep.JSON_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " holds no " + Sweep.JSON_FILE + "; give the folder a softmax4j sweep wrote");
        }
        return grid(read(file));
    }

    /**
     * Whether sweep.json in {@code dir} records a ranking: written once every run has ended and
     * the winner, if any, was tested; a sweep that starts or resumes writes it without one.
     */
    public static boolean recordsRanking(Path dir) throws IOException {
        return read(dir.resolve(Sweep.JSON_FILE)).path("ranking").size() > 0;
    }

    /** Whether sweep.json in {@code dir} records a winner: none when every setting diverged, or before the ranking. */
    public static boolean recordsWinner(Path dir) throws IOException {
        return read(dir.resolve(Sweep.JSON_FILE)).path("winner").isObject();
    }

    // sweep.json as a tree; one that is not JSON, or not an object, is a DamagedFileException saying so in a few words
    private static JsonNode read(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new DamagedFileException(file, e.getMessage(), REMEDY, e.getCause());
        }
    }

    /**
     * sweep.json's document as a tree, checked as every reader of sweep folders checks it (a JSON
     * object recording a grid that {@link SweepGrid#fromMap} reads, as {@code sweep --resume}
     * needs); throws IllegalArgumentException saying what is wrong with it in a few words, as
     * {@link DamagedFileException#reason()}.
     */
    public static JsonNode parse(byte[] json) throws IOException {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(MetricsFiles.notJson(e), e);
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("not a sweep file: it needs an object with \"grid\"");
        }
        grid(document);
        return document;
    }

    // the grid a sweep.json document records; an IllegalArgumentException saying what is wrong with it
    private static SweepGrid grid(JsonNode document) {
        JsonNode grid = document.path("grid");
        if (!grid.isObject()) {
            throw new IllegalArgumentException("it records no grid");
        }
        return SweepGrid.fromMap(JSON.convertValue(grid, new TypeReference<Map<String, Object>>() { }));
    }

    private static String csv(List<RunResult> runs) {
        StringBuilder csv = new StringBuilder("name,").append(String.join(",", SETTINGS))
                .append(",seed,status,epoch,val_acc,val_loss,seconds\n");
        for (RunResult run : runs) {
            csv.append(run.name());
            for (String key : SETTINGS) {
                csv.append(',').append(run.settings().getOrDefault(key, ""));
            }
            csv.append(String.format(Locale.ROOT, ",%d,%s,%d,%s,%s,%.3f%n", run.seed(), run.status().id(),
                    run.keptEpoch(), cell(run.valAccuracy()), cell(run.valLoss()), run.seconds()));
        }
        return csv.toString();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.valueOf(value);
    }
}
