package io.github.softmax4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.ModelFormatException;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's state after an epoch, in one file written atomically, so a run killed at any moment can
 * continue from its last completed epoch: the model (a safetensors model file like any other),
 * with the training configuration in its metadata, two more parameter-shaped tensor pairs (the
 * optimizer's velocity and the model kept so far, the best on validation) and every epoch's
 * figures so far as the F64 table {@code history}, one row per epoch with the columns of
 * {@link MetricsFiles#COLUMNS}, NaN for a figure not measured. The table lies outside the header,
 * whose size is limited against hostile files, so a run of any length can be resumed. Each epoch's shuffle depends only on the seed and the epoch's number, so a resumed
 * run ends bitwise where an uninterrupted one does.
 *
 * <p>Format versions: 2 adds the velocity, the kept model, the optimizer and validation settings
 * and each epoch's learning rate; 3 moves the history from the header's metadata (JSON) to the
 * table. Versions 1 and 2 still resume; a version 1 checkpoint (plain SGD, no validation) with
 * zero velocity, as it was, and its epochs' rate the constant one.
 *
 * @param model    the model after the last completed epoch, with its training configuration
 * @param config   that configuration, parsed
 * @param history  the figures of the completed epochs, in order
 * @param velocity the optimizer's velocity
 * @param kept     the model kept so far: after the best epoch on validation, else the latest
 */
public record Checkpoint(SavedModel model, TrainConfig config, List<EpochStats> history, SoftmaxRegression velocity,
                         SoftmaxRegression kept) {
    /** The checkpoint's file name in a run folder. */
    public static final String FILE_NAME = "checkpoint.safetensors";
    /** The format version this code writes. */
    public static final int VERSION = 3;
    private static final String HISTORY = "history";
    private static final String VERSION_KEY = "checkpoint_version";
    private static final String EPOCHS_DONE = "epochs_done";
    private static final String VELOCITY = "velocity";
    private static final String KEPT = "kept";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** Writes the checkpoint atomically into {@code runDir}. */
    public void save(Path runDir) throws IOException {
        Map<String, String> training = new LinkedHashMap<>(model.training());
        training.putAll(config.toMetadata());
        training.put(VERSION_KEY, String.valueOf(VERSION));
        training.put(EPOCHS_DONE, String.valueOf(history.size()));
        Map<String, SoftmaxRegression> state = new LinkedHashMap<>();
        state.put(VELOCITY, velocity);
        state.put(KEPT, kept);
        double[][] table = new double[history.size()][];
        for (int i = 0; i < table.length; i++) {
            EpochStats s = history.get(i);
            table[i] = new double[] {s.epoch(), s.learningRate(), s.trainLoss(), s.trainAccuracy(), s.valLoss(),
                    s.valAccuracy(), s.testAccuracy(), s.seconds()};
        }
        ModelFile.save(runDir.resolve(FILE_NAME), new SavedModel(model.model(), model.classNames(),
                model.pixelScaling(), model.height(), model.width(), training), state, table);
    }

    /** Reads the checkpoint of {@code runDir}; throws an IOException saying what is wrong. */
    public static Checkpoint load(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        ModelFile.Contents contents = ModelFile.loadContents(file);
        SavedModel saved = contents.model();
        Map<String, String> training = new LinkedHashMap<>(saved.training());
        String history = training.remove(HISTORY);
        String epochsDone = training.remove(EPOCHS_DONE);
        if (history == null && epochsDone == null) {
            throw new ModelFormatException(file, "is a model but not a checkpoint: it has no epoch history",
                    "give the folder of a run that train wrote");
        }
        String version = training.remove(VERSION_KEY);
        try {
            int formatVersion = version == null ? 1 : Integer.parseInt(version);
            if (formatVersion < 1 || formatVersion > VERSION) {
                throw new ModelFormatException(file, "is a checkpoint of format version " + version
                        + ", which this softmax4j does not know", "resume it with the softmax4j that wrote it");
            }
            TrainConfig config = TrainConfig.fromMap(training);
            List<Map<String, Number>> rows = history != null ? JSON.readValue(history, new TypeReference<>() { })
                    : rows(contents.history(), Integer.parseInt(epochsDone));
            List<EpochStats> epochs = new ArrayList<>();
            for (Map<String, Number> row : rows) {
                if (row == null) {
                    throw new IllegalArgumentException("an epoch entry is empty");
                }
                EpochStats stats = EpochStats.fromMap(row);
                if (Float.isNaN(stats.learningRate())) {
                    stats = new EpochStats(stats.epoch(), config.learningRate(stats.epoch()), stats.trainLoss(),
                            stats.trainAccuracy(), stats.valLoss(), stats.valAccuracy(), stats.testAccuracy(),
                            stats.seconds());
                }
                epochs.add(stats);
            }
            SoftmaxRegression model = saved.model();
            SoftmaxRegression velocity = contents.state().get(VELOCITY);
            SoftmaxRegression kept = contents.state().get(KEPT);
            if (formatVersion == 1) {
                velocity = SoftmaxRegression.zeros(model.features(), model.classes());
                kept = model;
            } else if (velocity == null || kept == null) {
                throw new IllegalArgumentException("the optimizer's velocity or the kept model is missing");
            }
            SavedModel withoutHistory = new SavedModel(model, saved.classNames(), saved.pixelScaling(), saved.height(),
                    saved.width(), training);
            return new Checkpoint(withoutHistory, config, epochs, velocity, kept);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(file, "checkpoint metadata is damaged (" + e.getMessage() + ")");
        }
    }

    /** The table's rows as the named figures of {@link EpochStats#fromMap}; checks there are {@code expected}. */
    private static List<Map<String, Number>> rows(double[][] table, int expected) {
        if (table.length != expected) {
            throw new IllegalArgumentException("the history has " + table.length + " epochs, the metadata says "
                    + expected);
        }
        List<Map<String, Number>> rows = new ArrayList<>();
        for (double[] values : table) {
            if (values.length != MetricsFiles.COLUMNS.size()) {
                throw new IllegalArgumentException("the history has " + values.length + " columns, expected "
                        + MetricsFiles.COLUMNS);
            }
            Map<String, Number> row = new LinkedHashMap<>();
            for (int column = 0; column < values.length; column++) {
                if (!Double.isNaN(values[column])) {
                    row.put(MetricsFiles.COLUMNS.get(column), values[column]);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The run's progress as this checkpoint left it, to continue with {@link Trainer#fit}. */
    public Progress progress() {
        return Progress.resumed(model.model().copy(), history, kept);
    }
}
