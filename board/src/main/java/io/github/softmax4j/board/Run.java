package io.github.softmax4j.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.softmax4j.train.RunMetrics;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run folder as the board shows it: what {@code GET /api/runs/{name}} returns.
 *
 * @param name     the folder's path relative to the board's folder, with {@code /}
 * @param status   running, finished, diverged or interrupted ({@link RunStatus}), or damaged, or unreadable
 * @param damaged  why metrics.json cannot be read, in a few words as {@code compare} says it, or null
 * @param unreadable why the board cannot read the folder or its metrics.json, in {@code compare}'s words
 *                 ({@code metrics.json: permission denied}), or null
 * @param remedy   what to do to have a damaged or unreadable run read, or null for any other
 * @param config   metrics.json's {@code config}, as written (empty when damaged or unreadable)
 * @param settings the training settings of {@code config} in the command line's words, those that are off left out
 * @param epochs   metrics.json's {@code epochs}, as written (fields differ between versions)
 * @param selected the kept epoch of a validated run ({@code selected}), or null
 * @param sweep    the sweep folder holding the run, or null
 * @param model    the model file classifying for it: model.safetensors, else the checkpoint, else null
 * @param pictures the pictures in the folder, of {@link RunFolder#PICTURES}
 * @param updated  when metrics.json was last written, milliseconds since 1970
 * @param folder   the folder itself (not shown)
 */
record Run(String name, String status, String damaged, String unreadable, String remedy, JsonNode config,
           Map<String, String> settings, List<JsonNode> epochs, JsonNode selected, String sweep, String model,
           List<String> pictures, long updated, @JsonIgnore Path folder) {
    Run {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        epochs = List.copyOf(epochs);
        pictures = List.copyOf(pictures);
    }

    /**
     * Whether the board can classify with this run: it has a model file, of which nothing can be told
     * when metrics.json is damaged or unreadable ({@link #unread()}), and which is not the untrained start
     * ({@link #holdsUntrainedStart()}).
     */
    @JsonProperty("can_classify")
    boolean canClassify() {
        return model != null && !unread() && !holdsUntrainedStart();
    }

    /** Whether the board could not read the run's metrics.json: damaged or unreadable. */
    @JsonIgnore
    boolean unread() {
        return damaged != null || unreadable != null;
    }

    /** Why the board could not read the run's metrics.json, as the page says it, or null when it could. */
    @JsonIgnore
    String unreadWhy() {
        return damaged != null ? "its " + RunFolder.METRICS + " is damaged (" + damaged + ")"
                : unreadable != null ? "the board cannot read the run (" + unreadable + ")" : null;
    }

    /** Whether the run diverged before any epoch ended, so that it has no curves and no pictures. */
    @JsonProperty("diverged_at_once")
    boolean divergedAtOnce() {
        return RunStatus.DIVERGED.equals(status) && epochs.isEmpty();
    }

    /** The pictures of {@link RunFolder#PICTURES} the folder lacks, grouped by why ({@link MissingPictures}). */
    @JsonProperty("missing_pictures")
    List<MissingPictures.Group> missingPictures() {
        return MissingPictures.of(this);
    }

    /**
     * The model file the run started from ({@code train --init MODEL}, config's {@code init}), or null
     * when it started from random weights ({@code init} is {@code random} or absent, as in older runs).
     */
    @JsonProperty("started_from")
    String startedFrom() {
        return RunMetrics.startedFrom(init());
    }

    /**
     * Whether the run's model file holds the untrained starting model: it diverged at once from random
     * weights. One that started from a model and diverged at once holds that model.
     */
    @JsonIgnore
    boolean holdsUntrainedStart() {
        return RunMetrics.untrainedModel(RunStatus.DIVERGED.equals(status), epochs.size(), init());
    }

    // config's init as text, or null when it has none
    private String init() {
        JsonNode init = config.path("init");
        return init.isTextual() ? init.asText() : null;
    }
}
