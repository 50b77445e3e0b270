package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.eval.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

class ConfusionChartTest {
    private static final List<String> NAMES = List.of("Cat", "Dog", "Bird");
    // truth:      0 0 0 0 1 1 1 2 2 2
    // predicted:  0 0 0 1 1 1 2 2 2 0
    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
            new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 0}, 3);

    @Test
    void rendersAHeatMap() {
        BufferedImage image = ConfusionChart.render(MATRIX, NAMES, "Confusion title");
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300);
        assertTrue(Pixels.distinctColours(image) > 20, "not blank");
    }

    @Test
    void rowsAreTrueClassesFirstOnTopAndCellsAreRowShares() {
        HeatMapChart chart = ConfusionChart.chart(MATRIX, NAMES, "Confusion title");
        assertEquals("Confusion title", chart.getTitle());
        assertEquals("predicted class", chart.getXAxisTitle());
        assertEquals("true class", chart.getYAxisTitle());
        HeatMapSeries series = chart.getHeatMapSeries();
        assertEquals(NAMES, series.getXData());
        assertEquals(List.of("Bird", "Dog", "Cat"), series.getYData(), "listed bottom-up, so Cat is drawn on top");
        // Cat (drawn in row 2 from the bottom) was predicted Cat 3 times of 4 and Dog once
        assertTrue(hasCell(series, 0, 2, 75.0) && hasCell(series, 1, 2, 25.0) && hasCell(series, 0, 0, 33.3));
        assertEquals("0.0'%'", chart.getStyler().getHeatMapValueDecimalPattern());
    }

    private static boolean hasCell(HeatMapSeries series, int x, int y, double value) {
        for (Number[] cell : series.getHeatData()) {
            if (cell[0].intValue() == x && cell[1].intValue() == y && Math.abs(cell[2].doubleValue() - value) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tableHasCountsPerRowAndTheShareCorrect() {
        String table = ConfusionChart.table(MATRIX, NAMES);
        assertTrue(table.contains(" 0  Cat      3     1     0     75.0%"), table);
        assertTrue(table.contains(" 2  Bird     1     0     2     66.7%"), table);
    }
}
