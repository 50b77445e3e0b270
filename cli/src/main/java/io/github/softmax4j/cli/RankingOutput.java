package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.viz.AccuracyBySettingChart;
import io.github.softmax4j.viz.LeftOutRuns;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.SweepCurvesChart;
import io.github.softmax4j.viz.SweepPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ranked table that {@code sweep} and {@code compare} print, and the page and chart they write. */
final class RankingOutput {
    private RankingOutput() {
    }

    /** Prints the ranking as a table, only the settings that differ as columns. */
    static void print(PrintWriter out, List<Ranking.Entry> ranking) {
        List<String> settings = SweepPage.varying(ranking);
        boolean validated = ranking.stream().allMatch(Ranking.Entry::validated);
        boolean tested = ranking.stream().noneMatch(Ranking.Entry::validated);
        // the spread's column is as wide as its longest entry ("- (one seed)"), so the columns after it line up
        int spread = Math.max(9, ranking.stream().filter(entry -> !entry.diverged())
                .mapToInt(entry -> SweepPage.spread(entry).length()).max().orElse(0));
        String accuracy = "  %" + (11 + spread) + "s";
        // a setting's column is as wide as its name or its widest value ("weight decay"), and at least 10
        List<String> columns = new ArrayList<>();
        StringBuilder header = new StringBuilder("rank");
        for (String setting : settings) {
            String name = TerminalText.of(SettingNames.of(setting));
            int width = Math.max(10, Math.max(name.length(), ranking.stream()
                    .mapToInt(entry -> value(entry, setting).length()).max().orElse(0)));
            columns.add("  %" + width + "s");
            header.append(String.format(Locale.ROOT, columns.get(columns.size() - 1), name));
        }
        header.append(String.format(Locale.ROOT, accuracy, SweepPage.accuracyHeader(ranking)))
                .append("  epoch  seconds  runs");
        out.println(header);
        int rank = 1;
        for (Ranking.Entry entry : ranking) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%4d", rank++));
            for (int i = 0; i < settings.size(); i++) {
                row.append(String.format(Locale.ROOT, columns.get(i), value(entry, settings.get(i))));
            }
            row.append(entry.diverged() ? String.format(Locale.ROOT, accuracy, "diverged")
                    : String.format(Locale.ROOT, "  %8.4f ± %-" + spread + "s", entry.mean(), SweepPage.spread(entry)));
            // a setting that diverged kept no epoch and timed none: a dash, not a measured 0
            row.append(entry.diverged() ? String.format(Locale.ROOT, "  %5s  %7s  %d", "-", "-", entry.runs().size())
                    : String.format(Locale.ROOT, "  %5.1f  %7.2f  %d", entry.keptEpoch(), entry.seconds(),
                    entry.runs().size()));
            if (!validated && !tested) {
                row.append(entry.validated() ? "  (val)" : "  (test)");
            }
            out.println(row);
        }
        if (tested) {
            out.println("(ranked on test accuracy: these runs held out no validation set; "
                    + "train with --validation N to choose without looking at the test set)");
        } else if (!validated) {
            out.println("(runs with a validation split are ranked on it, first; those without one on their test "
                    + "accuracy, after them)");
        }
    }

    private static String value(Ranking.Entry entry, String setting) {
        return TerminalText.of(SettingNames.value(setting, entry.settings().get(setting)));
    }

    /**
     * Writes the page to {@code html} and the exercise's chart (accuracy against the learning rate or
     * the batch size) to {@code png}.
     * The charts show every run: by its validation accuracy, or by its test accuracy if it held out
     * no validation set; the page names the runs {@code leftOut}, each with what to do about it.
     */
    static void writePage(Path html, Path png, String title, List<RunFolder> runs, List<Ranking.Entry> ranking,
                          RunResult winner, List<LeftOutRuns> leftOut) throws IOException {
        List<String> settings = SweepPage.varying(ranking);
        byte[] curves = Png.encode(SweepCurvesChart.render(runs));
        byte[] bySetting = Png.write(AccuracyBySettingChart.render(ranking), png);
        AtomicFiles.write(html, SweepPage.html(title, settings, ranking, winner, leftOut, curves, bySetting)
                .getBytes(StandardCharsets.UTF_8));
    }
}
