package io.github.softmax4j.viz;

/**
 * The words for the kind of accuracy a run is judged on, one wording for the ranked tables'
 * heading, the curves' legend and the exercise chart's legend: {@code val acc}, or {@code test acc}
 * for a run that held out no validation set.
 */
final class AccuracyWords {
    private AccuracyWords() {
    }

    /** {@code val acc} for a run judged on its validation split, else {@code test acc}. */
    static String of(boolean validated) {
        return validated ? "val acc" : "test acc";
    }
}
