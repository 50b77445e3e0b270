package io.github.softmax4j.viz;

/**
 * The words for the kind of accuracy a run is judged on, one wording for the ranked tables'
 * heading, the curves' legend and the exercise chart's legend: {@code val acc}, or {@code test acc}
 * for a run that held out no validation set; and in full, as the charts' titles and axes say it.
 */
final class AccuracyWords {
    private AccuracyWords() {
    }

    /** {@code val acc} for a run judged on its validation split, else {@code test acc}. */
    static String of(boolean validated) {
        return validated ? "val acc" : "test acc";
    }

    /** The accuracy drawn for runs some of which are {@code validated} and some {@code tested}, in full. */
    static String measure(boolean validated, boolean tested) {
        return validated && tested ? "validation or test accuracy" : tested ? "test accuracy" : "validation accuracy";
    }

    /** {@code text} with its first letter upper case: a measure as the start of a title. */
    static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
