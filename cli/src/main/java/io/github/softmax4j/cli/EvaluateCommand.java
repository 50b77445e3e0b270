package io.github.softmax4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.eval.ClassMetrics;
import io.github.softmax4j.eval.ConfusionMatrix;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.eval.RiskCoverage;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.viz.ConfusionChart;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.RiskCoverageChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code softmax4j evaluate MODEL}: accuracy, per-class metrics, confusion and the risk-coverage trade-off. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a saved model on the Fashion-MNIST test set: accuracy, per-class precision, recall "
                + "and F1, the confusion matrix, and how accuracy and coverage trade off when the model only "
                + "answers above a confidence threshold (a table here, a chart in risk-coverage.png).")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.safetensors written by softmax4j train.")
    private Path modelPath;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    private boolean json;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "PNG file to draw the risk-coverage chart in, its name ending in .png; missing "
                    + "folders on its path are created (default: risk-coverage.png beside the model).")
    private Path chart;

    @Mixin
    private DataDirOption data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Models.requireFile(spec, modelPath, "MODEL");
        data.validate();
        Path chartPath = chart != null ? chart : modelPath.resolveSibling("risk-coverage.png");
        OutputFile.check(spec, chart, "--chart", ".png", "a PNG");
        OutputFile.requireNotInput(spec, chartPath, chart == null ? "the default --chart" : "--chart", modelPath,
                "MODEL");
        if (chart != null) {
            OutputFile.requireNotInUse(spec, "--chart", chart, chart.toAbsolutePath().getParent(),
                    "choose another folder");
        }
        try {
            SavedModel saved = Models.loadFor(modelPath, data.dataSet());
            Models.untrainedNote("evaluate", modelPath).ifPresent(err::println);
            Dataset test = data.loadTest(json);
            Predictions predictions = Predictions.of(saved.model(), test, saved.pixelScaling());
            List<String> names = saved.classNames();
            ConfusionMatrix confusion = predictions.confusion();
            List<ClassMetrics> perClass = ClassMetrics.of(confusion);
            List<RiskCoverage> tradeOff = RiskCoverage.of(predictions);
            String chartProblem = null;
            String elsewhere = " (--chart FILE writes it elsewhere)";
            // a run folder belongs to its writer while it trains: the default chart does not go there
            Optional<String> inUse = chart == null ? OutputFile.inUse(chartPath.toAbsolutePath().getParent())
                    : Optional.empty();
            if (inUse.isPresent()) {
                chartProblem = TerminalText.of(chartPath.getParent() == null ? "the current folder"
                        : chartPath.getParent().toString()) + " is " + inUse.get();
                elsewhere = "; --chart FILE draws it elsewhere";
            } else {
                try {
                    Png.write(RiskCoverageChart.render(tradeOff), chartPath);
                } catch (IOException e) {
                    chartProblem = FileProblem.describe(e);
                }
            }
            Path written = chartProblem == null ? chartPath : null;
            if (json) {
                out.println(toJson(names, predictions, confusion, perClass, tradeOff, written));
            } else {
                printTables(out, names, predictions, confusion, perClass, tradeOff, written);
            }
            out.flush();
            if (chartProblem != null) {
                // the tables stand on their own; the chart that could not be written is reported after them
                err.println("softmax4j evaluate: chart not written, " + chartProblem + (chart == null ? elsewhere : ""));
                return Softmax4jCli.EXIT_PROBLEM;
            }
            return 0;
        } catch (IOException e) {
            err.println("softmax4j evaluate: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    private void printTables(PrintWriter out, List<String> names, Predictions predictions, ConfusionMatrix confusion,
                             List<ClassMetrics> perClass, List<RiskCoverage> tradeOff, Path chartPath) {
        out.printf(Locale.ROOT, "model:   %s%n%ntest accuracy: %.4f (%d of %d images)%n%n", modelPath,
                predictions.accuracy(), Math.round(predictions.accuracy() * predictions.size()), predictions.size());
        out.printf(Locale.ROOT, "%-12s %9s %7s %6s %8s%n", "class", "precision", "recall", "F1", "support");
        for (ClassMetrics m : perClass) {
            out.printf(Locale.ROOT, "%-12s %9.4f %7.4f %6.4f %8d%n", names.get(m.classIndex()), m.precision(),
                    m.recall(), m.f1(), m.support());
        }
        out.println();
        out.println("confusion (rows: true class, columns: predicted class):");
        out.print(ConfusionChart.table(confusion, names));
        out.println();
        out.println("answering only when the model's probability is at least a threshold (--min-confidence of predict):");
        out.printf(Locale.ROOT, "%9s %9s %9s%n", "threshold", "answered", "accuracy");
        for (RiskCoverage row : tradeOff) {
            out.printf(Locale.ROOT, "%9.2f %8.1f%% %9s%n", row.threshold(), 100 * row.coverage(), row.answered() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f%%", 100 * row.accuracy()));
        }
        out.println();
        out.println("chart:   " + (chartPath == null ? "not written" : chartPath));
    }

    private String toJson(List<String> names, Predictions predictions, ConfusionMatrix confusion,
                          List<ClassMetrics> perClass, List<RiskCoverage> tradeOff, Path chartPath)
            throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("model", modelPath.toString());
        document.put("accuracy", predictions.accuracy());
        document.put("examples", predictions.size());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassMetrics m : perClass) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", names.get(m.classIndex()));
            row.put("class_index", m.classIndex());
            row.put("precision", m.precision());
            row.put("recall", m.recall());
            row.put("f1", m.f1());
            row.put("support", m.support());
            classes.add(row);
        }
        document.put("per_class", classes);
        List<List<Long>> rows = new ArrayList<>();
        for (int t = 0; t < confusion.classes(); t++) {
            List<Long> row = new ArrayList<>();
            for (int p = 0; p < confusion.classes(); p++) {
                row.add(confusion.count(t, p));
            }
            rows.add(row);
        }
        document.put("confusion", Map.of("rows", "true class", "columns", "predicted class", "counts", rows));
        List<Map<String, Object>> trade = new ArrayList<>();
        for (RiskCoverage r : tradeOff) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", r.threshold());
            row.put("answered", r.answered());
            row.put("coverage", r.coverage());
            row.put("accuracy", r.answered() == 0 ? null : r.accuracy());
            trade.add(row);
        }
        document.put("risk_coverage", trade);
        document.put("chart", chartPath == null ? null : chartPath.toString());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }
}
