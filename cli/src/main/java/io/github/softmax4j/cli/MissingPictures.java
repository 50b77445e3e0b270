package io.github.softmax4j.cli;

import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The pictures missing from a complete run (removed since it finished) that {@code train --resume}
 * can draw again: only when what the folder holds shows that its checkpoint is the finished model,
 * by content, not by the files being there: metrics.json says finished after as many epochs as the
 * checkpoint holds, and model.safetensors has the weights the checkpoint kept. A run extended and
 * cut short, or whose model is not the checkpoint's, has none to draw this way.
 */
final class MissingPictures {
    /** What a finished run of train draws, in the order they are named. */
    private static final List<String> FILES = List.of(RunFolder.CURVES_FILE, RunFolder.CURVES_SVG_FILE,
            RunFolder.PREDICTIONS_FILE, RunFolder.CONFUSION_FILE, RunFolder.TEMPLATES_FILE, RunFolder.MISTAKES_FILE,
            RunFolder.REPORT_FILE);

    private MissingPictures() {
    }

    /**
     * The pictures (and report) missing from the complete run in {@code runDir}, whose checkpoint is
     * {@code checkpoint}, that can be drawn again from its model; empty when none are missing, or
     * when the folder does not show that the checkpoint is its finished model, or the run is a
     * sweep's or may be one (none of the files is there: a sweep draws none for its runs).
     */
    static List<String> of(Path runDir, Checkpoint checkpoint) {
        List<String> missing = FILES.stream()
                .filter(name -> !Files.exists(runDir.resolve(name), LinkOption.NOFOLLOW_LINKS)).toList();
        // a sweep draws none for its runs: a run in a sweep's folder, or one with none of the files at all (a sweep's
        // run copied out of its folder looks so), has none drawn
        if (missing.isEmpty() || missing.size() == FILES.size() || Sweep.holding(runDir).isPresent()) {
            return List.of();
        }
        try {
            RunMetrics metrics = MetricsFiles.fromJson(Files.readAllBytes(runDir.resolve(MetricsFiles.JSON_FILE)));
            SavedModel model = ModelFile.load(runDir.resolve(RunFolder.MODEL_FILE));
            boolean finishedModel = metrics.status() == RunStatus.FINISHED
                    && metrics.epochs().size() == checkpoint.history().size()
                    && model.model().sameParameters(checkpoint.kept());
            return finishedModel ? missing : List.of();
        } catch (IOException | IllegalArgumentException unreadable) {
            // what cannot be read shows nothing: the run is left as it is
            return List.of();
        }
    }
}
