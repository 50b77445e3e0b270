package io.github.softmax4j.viz;

import java.util.List;

/**
 * Runs a comparison left out for one reason, and what to do about them, as the terminal and the
 * page both say it: {@code left out, cannot be read: a (metrics.json: permission denied); check its
 * permissions}.
 *
 * @param why    why they were left out: {@code not finished}, {@code metrics.json is damaged}
 * @param runs   each run's name with what is wrong with it: {@code a (metrics.json: permission denied)}
 * @param advice what to do so that they are compared: {@code check its permissions}
 */
public record LeftOutRuns(String why, List<String> runs, String advice) {
    public LeftOutRuns {
        runs = List.copyOf(runs);
    }

    /** What the page lists: {@code WHY: RUN (REASON), ...; ADVICE}. */
    public String text() {
        return why + ": " + String.join(", ", runs) + "; " + advice;
    }

    /** The terminal's line: {@code left out, } and {@link #text}. */
    public String line() {
        return "left out, " + text();
    }
}
