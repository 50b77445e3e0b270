package io.github.softmax4j.viz;

import io.github.softmax4j.eval.RiskCoverage;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The risk-coverage trade-off as a line chart: share answered and accuracy on it, by threshold. */
public final class RiskCoverageChart {
    private RiskCoverageChart() {
    }

    /** The chart of {@code rows}. */
    public static XYChart chart(List<RiskCoverage> rows) {
        XYChart chart = new XYChartBuilder().width(720).height(450)
                .title("Answer only when sure: coverage and accuracy by confidence threshold")
                .xAxisTitle("minimum confidence (--min-confidence)").yAxisTitle("share").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        styler.setChartTitleFont(Palette.font(Font.BOLD, 15));
        styler.setAxisTitleFont(Palette.font(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(Palette.font(Font.PLAIN, 12));
        styler.setLegendFont(Palette.font(Font.PLAIN, 12));
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setYAxisDecimalPattern("0%");
        double[] thresholds = rows.stream().mapToDouble(RiskCoverage::threshold).toArray();
        line(chart, "images answered (coverage)", thresholds, rows.stream().mapToDouble(RiskCoverage::coverage).toArray(),
                Palette.TRAIN_LOSS);
        line(chart, "accuracy on the answered ones", thresholds,
                rows.stream().mapToDouble(RiskCoverage::accuracy).toArray(), Palette.TEST_ACC);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, java.awt.Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(new BasicStroke(2f));
    }

    /** The chart as an image. */
    public static BufferedImage render(List<RiskCoverage> rows) {
        return BitmapEncoder.getBufferedImage(chart(rows));
    }
}
