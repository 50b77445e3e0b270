package io.github.softmax4j.board;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.softmax4j.experiment.RunFolder.LeftOut;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.SettingNames;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/**
 * The files of a run folder that the board reads, and how a parsed metrics.json becomes a
 * {@link Run}. Only these names are ever opened inside a run folder.
 */
final class RunFolder {
    static final String METRICS = "metrics.json";
    static final String MODEL = "model.safetensors";
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String SWEEP = "sweep.json";
    /** The pictures training draws into a run folder, in the order the page shows them. */
    static final List<String> PICTURES = List.of("curves.png", "confusion.png", "predictions.png", "mistakes.png",
            "templates.png");
    /** The picture of a sweep folder. */
    static final String SWEEP_PICTURE = "sweep.png";
    /**
     * sweep.json of the largest sweep ({@link SweepGrid#MAX_RUNS} settings of one seed each) takes about
     * 1.2 KB a setting; a larger one than 2 KiB a run of it is not read.
     */
    static final long MAX_SWEEP_BYTES = SweepGrid.MAX_RUNS * 2048L;

    private RunFolder() {
    }

    /** Whether {@code folder} is a run folder (it has metrics.json). */
    static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(METRICS), LinkOption.NOFOLLOW_LINKS);
    }

    /** How a JSON file is checked: as the commands check it, an IllegalArgumentException saying what is wrong. */
    @FunctionalInterface
    interface Parser {
        JsonNode parse(byte[] json) throws IOException;
    }

    /**
     * Reads and checks a JSON file of the board's folder; one larger than {@code maxBytes}, or that
     * {@code parser} refuses, is damaged: an IllegalArgumentException saying why in a few words.
     */
    static JsonNode readJson(Path file, long maxBytes, Parser parser) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw new IllegalArgumentException("larger than " + maxBytes + " bytes, more than softmax4j writes");
        }
        return parser.parse(Files.readAllBytes(file));
    }

    /** The training settings of a config, in the command line's words ({@link SettingNames#words}). */
    static Map<String, String> words(JsonNode config) {
        return SettingNames.words(Http.JSON.convertValue(config, new TypeReference<Map<String, Object>>() { }));
    }

    /** The run of a folder whose metrics.json, written at {@code written}, parsed to {@code metrics}. */
    static Run run(String name, Path folder, String sweep, JsonNode metrics, Instant written, Instant now,
                   BiPredicate<Path, OptionalLong> training) {
        String model = model(folder);
        boolean finalModel = MODEL.equals(model);
        List<JsonNode> epochs = new ArrayList<>();
        metrics.path("epochs").forEach(epochs::add);
        List<String> pictures = pictures(folder);
        JsonNode selected = metrics.path("selected").isObject() ? metrics.get("selected") : null;
        JsonNode config = metrics.path("config").isObject() ? metrics.get("config") : Http.JSON.createObjectNode();
        return new Run(name, RunStatus.of(metrics, finalModel, written, now, pid -> training.test(folder, pid)), null,
                null, null, config, words(config), epochs, selected, sweep, model, pictures, written.toEpochMilli(),
                folder);
    }

    /** The run of a folder whose metrics.json, written at {@code written}, is damaged for the reason given. */
    static Run damaged(String name, Path folder, String sweep, String reason, Instant written) {
        return new Run(name, RunStatus.DAMAGED, reason, null, "resuming the run writes it again (train --resume, or "
                + "sweep --resume for a sweep's run), or remove its folder", Http.JSON.createObjectNode(), Map.of(),
                List.of(), null, sweep, model(folder), pictures(folder), written.toEpochMilli(), folder);
    }

    /**
     * The run of a folder that {@code compare} leaves out as one it cannot read ({@link LeftOut}: the
     * folder, or its metrics.json, unreadable; its metrics.json a folder), with compare's reason.
     */
    static Run unreadable(String name, String sweep, LeftOut leftOut) {
        String remedy = leftOut.problem() instanceof AccessDeniedException
                ? "the board runs as user " + System.getProperty("user.name") + ", who may not read it: let that "
                + "user read it (chmod a+r for a file, a+rx for a folder), or start the board as a user who may"
                : "mend it, so that " + METRICS + " is a file the board can read, as training writes it, or remove "
                + "the folder";
        Path folder = leftOut.dir();
        return new Run(name, RunStatus.UNREADABLE, null, leftOut.reason(), remedy, Http.JSON.createObjectNode(),
                Map.of(), List.of(), null, sweep, model(folder), pictures(folder), 0, folder);
    }

    // model.safetensors, else the checkpoint, else null
    private static String model(Path folder) {
        return Files.isRegularFile(folder.resolve(MODEL), LinkOption.NOFOLLOW_LINKS) ? MODEL
                : Files.isRegularFile(folder.resolve(CHECKPOINT), LinkOption.NOFOLLOW_LINKS) ? CHECKPOINT : null;
    }

    private static List<String> pictures(Path folder) {
        return PICTURES.stream().filter(p -> Files.isRegularFile(folder.resolve(p), LinkOption.NOFOLLOW_LINKS))
                .toList();
    }
}
