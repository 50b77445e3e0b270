package io.github.softmax4j.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep folder: what {@code GET /api/sweeps/{name}} returns.
 *
 * @param name    the folder's path relative to the board's folder, with {@code /}
 * @param runs    the names of the run folders inside it
 * @param summary sweep.json as this version writes it ({@code SweepFiles.current}): its runs, ranking and
 *                winner, each ranked setting and the winner with {@code settings} in the command line's words;
 *                null when the file is damaged
 * @param damaged why sweep.json cannot be read, in a few words as the commands say it, or null
 * @param picture whether sweep.png exists
 * @param folder  the folder itself (not shown)
 */
record Sweep(String name, List<String> runs, JsonNode summary, String damaged, boolean picture,
             @JsonIgnore Path folder) {
    Sweep {
        runs = List.copyOf(runs);
    }
}
