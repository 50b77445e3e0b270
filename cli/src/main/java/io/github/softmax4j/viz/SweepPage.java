package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.train.SettingNames;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's or a comparison's page, self-contained: the ranked table, the winner's test accuracy,
 * and the two charts, {@link SweepCurvesChart} and {@link AccuracyBySettingChart}, embedded as PNG.
 */
public final class SweepPage {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
            th { background: #f3f3f3; } td.name, th.name { text-align: left; }
            tr.diverged td { color: #c62828; }
            img { max-width: 100%; border: 1px solid #ddd; }
            p.caption { color: #555; }
            li.left-out { margin: 0.3em 0; }
            """;

    private SweepPage() {
    }

    /**
     * The page: {@code settings} are the setting names to show as columns, {@code winner} may be
     * null, {@code leftOut} are the runs not compared (named under the table with what to do), {@code curves} and {@code bySetting} (the chart of {@link AccuracyBySettingChart})
     * are PNG bytes.
     */
    public static String html(String title, List<String> settings, List<Ranking.Entry> ranking, RunResult winner,
                              List<LeftOutRuns> leftOut, byte[] curves, byte[] bySetting) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        boolean validated = ranking.stream().allMatch(Ranking.Entry::validated);
        boolean tested = ranking.stream().noneMatch(Ranking.Entry::validated);
        boolean seeded = VaryingSettings.seeded(ranking);
        page.append("<p>").append(validated ? "Settings ranked by the validation accuracy of each run's kept epoch"
                + (seeded ? ", mean &plusmn; standard deviation over seeds." : ".") : tested
                ? "These runs held out no validation set, so they are ranked by their last test accuracy; train "
                + "with --validation N to choose without looking at the test set." : "Settings with a validation split are ranked by "
                + "the validation accuracy of each run's kept epoch, first; runs that held out no validation set can "
                + "only be ranked by their last test accuracy, after them.").append("</p>\n");
        if (winner != null) {
            page.append(String.format(Locale.ROOT, "<p>Winner: <b>%s</b>, test accuracy <b>%.4f</b> (the test set was "
                    + "evaluated for this run alone).</p>%n", escape(winner.name()), winner.testAccuracy()));
        }
        page.append("<table>\n<tr><th>rank</th>");
        for (String setting : settings) {
            page.append("<th>").append(escape(SettingNames.of(setting))).append("</th>");
        }
        page.append("<th>").append(escape(accuracyHeader(ranking))).append("</th>");
        if (!validated && !tested) {
            page.append("<th>on</th>");
        }
        page.append("<th>epoch</th><th>seconds</th><th class=\"name\">runs</th></tr>\n");
        int rank = 1;
        for (Ranking.Entry entry : ranking) {
            page.append(entry.diverged() ? "<tr class=\"diverged\">" : "<tr>").append("<td>").append(rank++)
                    .append("</td>");
            for (String setting : settings) {
                page.append("<td>").append(escape(SettingNames.value(setting, entry.settings().get(setting)))).append("</td>");
            }
            page.append("<td>").append(escape(accuracy(entry))).append("</td>");
            if (!validated && !tested) {
                page.append("<td>").append(entry.validated() ? "val" : "test").append("</td>");
            }
            page.append(entry.diverged() ? "<td>-</td><td>-</td>"
                    : String.format(Locale.ROOT, "<td>%.1f</td><td>%.2f</td>", entry.keptEpoch(), entry.seconds()));
            page.append("<td class=\"name\">").append(escape(String.join(", ", entry.runs()))).append("</td></tr>\n");
        }
        page.append("</table>\n");
        if (!leftOut.isEmpty()) {
            page.append("<h2>Runs left out</h2>\n<ul>\n");
            for (LeftOutRuns runs : leftOut) {
                page.append("<li class=\"left-out\">").append(escape(runs.text())).append("</li>\n");
            }
            page.append("</ul>\n");
        }
        String measure = tested ? "test" : validated ? "validation" : "validation or test";
        figure(page, "Curves of " + measure + " accuracy", tested || validated ? "Every run's " + measure
                + " accuracy after each epoch." : "Every run's validation accuracy after each epoch, or its test "
                + "accuracy if it held out no validation set; the legend says which.", curves);
        String axis = VaryingSettings.xSetting(ranking);
        boolean others = VaryingSettings.varying(ranking).stream().anyMatch(key -> !key.equals(VaryingSettings.xKey(ranking)));
        figure(page, AccuracyWords.capitalized(measure) + " accuracy against the " + axis, "Each setting's "
                + measure + " accuracy" + (seeded ? ", the mean over its seeds," : "") + " against the " + axis
                + (others ? ", one line for each combination of the other settings that vary" : "")
                + (ranking.stream().anyMatch(Ranking.Entry::diverged) ? "; a cross on the x axis in the colour of "
                + "its line, named so, marks a " + axis + " whose run diverged" : "")
                + (axis.equals("learning rate") ? ": the exercise of d2l "
                + "section 3.7." : "."), bySetting);
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static void figure(StringBuilder page, String heading, String caption, byte[] png) {
        page.append("<h2>").append(escape(heading)).append("</h2>\n<p class=\"caption\">").append(escape(caption))
                .append("</p>\n<img alt=\"").append(escape(heading)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    /**
     * The heading of the ranked tables' accuracy column: {@code val acc (mean ± sd)}, {@code test acc
     * (mean ± sd)}, or {@code accuracy (mean ± sd)} when some settings are judged on each.
     */
    public static String accuracyHeader(List<Ranking.Entry> ranking) {
        return (ranking.stream().allMatch(Ranking.Entry::validated) ? AccuracyWords.of(true)
                : ranking.stream().noneMatch(Ranking.Entry::validated) ? AccuracyWords.of(false) : "accuracy")
                + " (mean ± sd)";
    }

    /**
     * A setting's accuracy as the ranked tables show it: {@code 0.8396 ± 0.0012}, {@code 0.8132 ± - (one
     * seed)}, or {@code diverged}.
     */
    public static String accuracy(Ranking.Entry entry) {
        return entry.diverged() ? "diverged" : String.format(Locale.ROOT, "%.4f ± %s", entry.mean(), spread(entry));
    }

    /**
     * The standard deviation over a setting's seeds to four places, or "-": one seed has none, however
     * many runs of it there are, and where there are several (copies of one run) "- (one seed)" says why.
     */
    public static String spread(Ranking.Entry entry) {
        return entry.deviates() ? String.format(Locale.ROOT, "%.4f", entry.sd())
                : entry.runs().size() > 1 ? "- (one seed)" : "-";
    }

    /**
     * The settings whose value differs between entries, in the order the runs record them, or the
     * learning rate and the batch size when none does.
     */
    public static List<String> varying(List<Ranking.Entry> ranking) {
        List<String> varying = VaryingSettings.varying(ranking);
        return varying.isEmpty() ? List.of("learning_rate", "batch_size") : varying;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
