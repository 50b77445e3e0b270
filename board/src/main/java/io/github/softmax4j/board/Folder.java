package io.github.softmax4j.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the board says of its folder as a whole: what {@code GET /api/folder} returns.
 *
 * @param maxDepth how many levels below the folder run folders are looked for ({@link RunIndex#MAX_DEPTH})
 * @param tooDeep  the run folders found one level further down, which the board does not show, in name order
 */
record Folder(@JsonProperty("max_depth") int maxDepth, @JsonProperty("too_deep") List<String> tooDeep) {
    Folder {
        tooDeep = List.copyOf(tooDeep);
    }
}
