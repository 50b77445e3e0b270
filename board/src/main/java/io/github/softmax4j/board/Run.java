package io.github.softmax4j.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One run folder as the board shows it: what {@code GET /api/runs/{name}} returns.
 *
 * @param name     the folder's path relative to the board's folder, with {@code /}
 * @param status   running, finished, diverged or interrupted ({@link RunStatus})
 * @param config   metrics.json's {@code config}, as written
 * @param epochs   metrics.json's {@code epochs}, as written (fields differ between versions)
 * @param selected the kept epoch of a validated run ({@code selected}), or null
 * @param sweep    the sweep folder holding the run, or null
 * @param model    the model file classifying for it: model.safetensors, else the checkpoint, else null
 * @param pictures the pictures in the folder, of {@link RunFolder#PICTURES}
 * @param updated  when metrics.json was last written, milliseconds since 1970
 * @param folder   the folder itself (not shown)
 */
record Run(String name, String status, JsonNode config, List<JsonNode> epochs, JsonNode selected, String sweep,
           String model, List<String> pictures, long updated, @JsonIgnore Path folder) {
    Run {
        epochs = List.copyOf(epochs);
        pictures = List.copyOf(pictures);
    }

    /** Whether the board can classify with this run. */
    @JsonProperty("can_classify")
    boolean canClassify() {
        return model != null;
    }
}
