package io.github.softmax4j.viz;

import io.github.softmax4j.eval.ConfusionMatrix;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.Progress;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page per run: the result in a sentence, every picture (embedded as
 * data URIs, so the page needs no other file and no network), the confusion counts, the
 * configuration, and the metrics of every epoch last, folded away when the run is long.
 */
public final class Report {
    /** A picture for the report: a heading, a sentence saying how to read it, and PNG bytes. */
    public record Figure(String heading, String caption, byte[] png) {
        public Figure {
            png = png.clone();
        }
    }

    private static final String STYLE = """
            body { font-family: sans-serif; color: #222; max-width: 960px; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
            th { background: #f3f3f3; } td.name, th.name { text-align: left; }
            td.diagonal { background: #e3eef8; font-weight: bold; }
            tr.kept td { font-weight: bold; }
            img { max-width: 100%; border: 1px solid #ddd; }
            p.caption { color: #555; }
            """;

    // a metrics table longer than this many epochs starts folded
    private static final int FOLDED_ROWS = 20;

    private Report() {
    }

    /**
     * The page for a run called {@code name}; {@code summary} is its result in one sentence, and
     * {@code configuration} its settings, each name with its value, as the command line says them.
     */
    public static String html(String name, String summary, Map<String, String> configuration, List<EpochStats> epochs,
                              ConfusionMatrix confusion, List<String> classNames, List<Figure> figures) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>softmax4j run ")
                .append(escape(name)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        page.append("<h1>softmax4j run ").append(escape(name)).append("</h1>\n");
        page.append("<p>").append(escape(summary)).append("</p>\n");
        for (Figure figure : figures) {
            page.append("<h2>").append(escape(figure.heading())).append("</h2>\n<p class=\"caption\">")
                    .append(escape(figure.caption())).append("</p>\n<img alt=\"").append(escape(figure.heading()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(figure.png()))
                    .append("\">\n");
        }
        confusionTable(page, confusion, classNames);
        page.append("<h2>Configuration</h2>\n<table>\n");
        configuration.forEach((setting, value) -> page.append("<tr><th class=\"name\">").append(escape(setting))
                .append("</th><td class=\"name\">").append(escape(value)).append("</td></tr>\n"));
        page.append("</table>\n");
        metricsTable(page, epochs);
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    // last on the page, and folded away when long, so that the pictures come first
    private static void metricsTable(StringBuilder page, List<EpochStats> epochs) {
        boolean validated = !epochs.isEmpty() && epochs.get(0).validated();
        boolean folded = epochs.size() > FOLDED_ROWS;
        page.append("<h2>Metrics per epoch</h2>\n");
        if (folded) {
            page.append("<details>\n<summary>").append(epochs.size()).append(" epochs</summary>\n");
        }
        // as the command line prints the epochs: the rate only when it changes, as 0.09973, not 0.099726096
        boolean rates = epochs.stream().map(s -> Float.floatToIntBits(s.learningRate())).distinct().count() > 1;
        page.append("<table>\n<tr><th>epoch</th>" + (rates ? "<th>lr</th>" : "") + "<th>train loss</th><th>train acc</th>"
                + (validated ? "<th>val loss</th><th>val acc</th>" : "<th>test acc</th>") + "<th>seconds</th></tr>\n");
        // the epoch whose model a validated run keeps, marked as the curves' dashed line marks it
        EpochStats kept = Progress.kept(epochs);
        for (EpochStats s : epochs) {
            page.append(s == kept ? String.format(Locale.ROOT, "<tr class=\"kept\"><td>%d, kept</td>", s.epoch())
                    : String.format(Locale.ROOT, "<tr><td>%d</td>", s.epoch()));
            if (rates) {
                page.append(Float.isNaN(s.learningRate()) ? "<td>-</td>"
                        : String.format(Locale.ROOT, "<td>%.5f</td>", s.learningRate()));
            }
            page.append(String.format(Locale.ROOT, "<td>%.4f</td><td>%.4f</td>", s.trainLoss(), s.trainAccuracy()));
            page.append(validated ? String.format(Locale.ROOT, "<td>%.4f</td><td>%.4f</td>", s.valLoss(), s.valAccuracy())
                    : String.format(Locale.ROOT, "<td>%.4f</td>", s.testAccuracy()));
            page.append(String.format(Locale.ROOT, "<td>%.3f</td></tr>%n", s.seconds()));
        }
        page.append("</table>\n");
        if (folded) {
            page.append("</details>\n");
        }
    }

    private static void confusionTable(StringBuilder page, ConfusionMatrix matrix, List<String> classNames) {
        int k = matrix.classes();
        page.append("<h2>Confusion counts</h2>\n<p class=\"caption\">Rows: true class; columns: predicted class. "
                + "Each cell: count, and its share of the row.</p>\n<table>\n<tr><th class=\"name\">true \\ predicted</th>");
        for (int p = 0; p < k; p++) {
            page.append("<th>").append(escape(classNames.get(p))).append("</th>");
        }
        page.append("</tr>\n");
        for (int t = 0; t < k; t++) {
            page.append("<tr><th class=\"name\">").append(escape(classNames.get(t))).append("</th>");
            for (int p = 0; p < k; p++) {
                page.append(t == p ? "<td class=\"diagonal\">" : "<td>").append(matrix.count(t, p))
                        .append(String.format(Locale.ROOT, "<br><small>%.1f%%</small></td>", 100 * matrix.rowShare(t, p)));
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
