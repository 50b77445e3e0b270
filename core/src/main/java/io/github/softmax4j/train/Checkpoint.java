package io.github.softmax4j.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.ModelFormatException;
import io.github.softmax4j.model.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's state after an epoch, in one file written atomically, so a run killed at any moment can
 * continue from its last completed epoch: the model (a safetensors model file like any other),
 * with the training configuration and every epoch's figures so far in its metadata. The weights
 * are the whole state of SGD and each epoch's shuffle depends only on the seed and the epoch's
 * number, so a resumed run ends bitwise where an uninterrupted one does.
 *
 * @param model   the model after the last completed epoch, with its training configuration
 * @param config  that configuration, parsed
 * @param history the figures of the completed epochs, in order
 */
public record Checkpoint(SavedModel model, TrainConfig config, List<EpochStats> history) {
    /** The checkpoint's file name in a run folder. */
    public static final String FILE_NAME = "checkpoint.safetensors";
    private static final String HISTORY = "history";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** Writes the checkpoint atomically into {@code runDir}. */
    public void save(Path runDir) throws IOException {
        Map<String, String> training = new LinkedHashMap<>(model.training());
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochStats stats : history) {
            epochs.add(stats.toMap());
        }
        training.put(HISTORY, JSON.writeValueAsString(epochs));
        ModelFile.save(runDir.resolve(FILE_NAME), new SavedModel(model.model(), model.classNames(),
                model.pixelScaling(), model.height(), model.width(), training));
    }

    /** Reads the checkpoint of {@code runDir}; throws an IOException saying what is wrong. */
    public static Checkpoint load(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE_NAME);
        SavedModel saved = ModelFile.load(file);
        Map<String, String> training = new LinkedHashMap<>(saved.training());
        String history = training.remove(HISTORY);
        if (history == null) {
            throw new ModelFormatException(file, "is a model but not a checkpoint: it has no epoch history");
        }
        try {
            List<EpochStats> epochs = new ArrayList<>();
            List<Map<String, Number>> rows = JSON.readValue(history, new TypeReference<>() { });
            for (Map<String, Number> row : rows) {
                if (row == null) {
                    throw new IllegalArgumentException("an epoch entry is empty");
                }
                epochs.add(EpochStats.fromMap(row));
            }
            SavedModel model = new SavedModel(saved.model(), saved.classNames(), saved.pixelScaling(), saved.height(),
                    saved.width(), training);
            return new Checkpoint(model, TrainConfig.fromMap(training), epochs);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(file, "checkpoint metadata is damaged (" + e.getMessage() + ")");
        }
    }
}
