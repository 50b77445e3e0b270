package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.train.SettingNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which settings vary among the settings ranked, in what order their values go, and which of them
 * the exercise's chart puts on its x axis.
 */
public final class VaryingSettings {
    /** A setting's values in order: numbers by size, other values (schedules, pixel scalings) by their text. */
    static final Comparator<Object> ORDER = (a, b) -> a instanceof Number x && b instanceof Number y
            ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b));

    private VaryingSettings() {
    }

    /**
     * The setting the exercise's chart ({@link AccuracyBySettingChart}) puts on its x axis, by its
     * metrics.json name: the learning rate if it varies, else the batch size if it does, else the
     * first setting that varies in the order a run records them (momentum, a schedule, the
     * epochs...), else the learning rate; so the axis always shows a setting that varies when one does.
     */
    public static String xKey(List<Ranking.Entry> ranking) {
        List<String> varying = varying(ranking);
        return varying.contains("learning_rate") || varying.isEmpty() ? "learning_rate"
                : varying.contains("batch_size") ? "batch_size" : varying.get(0);
    }

    /** {@link #xKey} in words, as the axis and the headings name it: "learning rate", "momentum". */
    public static String xSetting(List<Ranking.Entry> ranking) {
        return SettingNames.spelled(xKey(ranking));
    }

    /** Whether some setting was run with more than one seed, so that its accuracy is a mean over seeds. */
    static boolean seeded(List<Ranking.Entry> ranking) {
        return ranking.stream().anyMatch(Ranking.Entry::deviates);
    }

    /** The settings whose value differs between entries (diverged ones too), in the order runs record them. */
    static List<String> varying(List<Ranking.Entry> ranking) {
        List<String> keys = new ArrayList<>();
        for (Ranking.Entry entry : ranking) {
            entry.settings().keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        }
        return keys.stream().filter(key -> ranking.stream().map(entry -> String.valueOf(entry.settings().get(key)))
                .distinct().count() > 1).toList();
    }
}
