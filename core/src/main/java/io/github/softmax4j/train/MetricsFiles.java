package io.github.softmax4j.train;

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

/**
 * A run's metrics as files: {@code metrics.json} ({@code {"config": {...}, "epochs": [{"epoch",
 * "train_loss", "train_acc", "test_acc", "seconds"}, ...]}}) and {@code metrics.csv} with the same
 * columns. Both are written atomically, so they can be rewritten after every epoch while a person
 * or a script reads them.
 */
public final class MetricsFiles {
    /** Column names, in order, of the CSV and of each JSON epoch entry. */
    public static final List<String> COLUMNS = List.of("epoch", "train_loss", "train_acc", "test_acc", "seconds");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsFiles() {
    }

    /** Writes {@code metrics.json} and {@code metrics.csv} into {@code dir}. */
    public static void write(Path dir, Map<String, Object> config, List<EpochStats> epochs) throws IOException {
        writeJson(dir.resolve("metrics.json"), config, epochs);
        writeCsv(dir.resolve("metrics.csv"), epochs);
    }

    /** Writes the JSON form to {@code path}. */
    public static void writeJson(Path path, Map<String, Object> config, List<EpochStats> epochs) throws IOException {
        AtomicFiles.write(path, toJson(config, epochs));
    }

    /** The JSON form as UTF-8 bytes. */
    public static byte[] toJson(Map<String, Object> config, List<EpochStats> epochs) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochStats stats : epochs) {
            rows.add(stats.toMap());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", config);
        document.put("epochs", rows);
        return JSON.writeValueAsBytes(document);
    }

    /** Writes the CSV form (header line, then one line per epoch) to {@code path}. */
    public static void writeCsv(Path path, List<EpochStats> epochs) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (EpochStats s : epochs) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%.4f\n", s.epoch(), s.trainLoss(), s.trainAccuracy(),
                    s.testAccuracy(), s.seconds()));
        }
        AtomicFiles.write(path, csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
