package io.github.softmax4j.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run folders for tests, written the way training writes them: metrics.json atomically, in the
 * form of today's runs (no status) or with the status, validation and selection fields.
 */
final class RunFolders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolders() {
    }

    /** One epoch's figures as train writes them without validation. */
    static Map<String, Object> epoch(int epoch) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("train_loss", 1.0 / epoch);
        row.put("train_acc", 0.7 + epoch / 100.0);
        row.put("test_acc", 0.68 + epoch / 100.0);
        row.put("seconds", 0.2);
        return row;
    }

    /** One epoch's figures with validation: val_loss and val_acc, no test_acc. */
    static Map<String, Object> validatedEpoch(int epoch) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("train_loss", 1.0 / epoch);
        row.put("train_acc", 0.7 + epoch / 100.0);
        row.put("val_loss", 1.1 / epoch);
        row.put("val_acc", 0.69 + epoch / 100.0);
        row.put("lr", 0.1);
        row.put("seconds", 0.2);
        return row;
    }

    /** metrics.json with {@code epochs} epochs and the given top-level fields besides config and epochs. */
    static Path writeMetrics(Path folder, int epochs, boolean validated, Map<String, Object> extra) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> document = new LinkedHashMap<>(extra);
        document.put("config", Map.of("learning_rate", 0.1, "batch_size", 256, "epochs", 10, "seed", 42));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            rows.add(validated ? validatedEpoch(e) : epoch(e));
        }
        document.put("epochs", rows);
        return write(folder, document);
    }

    /** metrics.json of a run without validation whose epochs have the given figures. */
    static Path writeEpochs(Path folder, List<Map<String, Object>> rows) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", Map.of("learning_rate", 0.1, "batch_size", 256, "epochs", rows.size(), "seed", 42));
        document.put("epochs", rows);
        return write(folder, document);
    }

    private static Path write(Path folder, Map<String, Object> document) throws IOException {
        Path metrics = folder.resolve("metrics.json");
        AtomicFiles.write(metrics, JSON.writeValueAsBytes(document));
        return metrics;
    }

    /** A Fashion-MNIST-shaped model with seeded random weights large enough that classes differ clearly. */
    static SavedModel model(long seed) {
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        SoftmaxRegression model = SoftmaxRegression.initialize(dataSet.features(), dataSet.classes(), 0.05f, seed);
        return new SavedModel(model, dataSet.classNames(), PixelScaling.UNIT, dataSet.height(), dataSet.width(),
                Map.of());
    }

    /** Saves {@code model(seed)} as the folder's model.safetensors. */
    static Path writeModel(Path folder, long seed) throws IOException {
        Path file = folder.resolve("model.safetensors");
        ModelFile.save(file, model(seed));
        return file;
    }

    /** A sweep's grid, of the learning rates 0.1 and 0.3, as a sweep records it. */
    static SweepGrid sweepGrid() {
        return new SweepGrid(List.of(0.1f, 0.3f), List.of(256), List.of(0f), List.of(0f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 2, 1, 5000,
                0);
    }

    /** sweep.json's grid field ({@link #sweepGrid()}) and a comma, to begin a sweep.json written by hand. */
    static String gridField() throws IOException {
        return "\"grid\": " + JSON.writeValueAsString(sweepGrid().toMap()) + ", ";
    }
}
