package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;

class ConfusionChartTest {
    private static final List<String> NAMES = List.of("Cat", "Dog", "Bird");
    // truth:      0 0 0 0 1 1 1 2 2 2
    // predicted:  0 0 0 1 1 1 2 2 2 0
    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
            new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 0}, 3);
    // ten classes as in a run: the size of confusion.png
    private static final List<String> TEN = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static ConfusionMatrix tenClasses() {
        int[] truth = new int[100];
        int[] predicted = new int[100];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % 10;
            predicted[i] = i % 7 == 0 ? (i + 3) % 10 : i % 10;
        }
        return ConfusionMatrix.of(truth, predicted, 10);
    }

    @Test
    void rendersAHeatMap() {
        BufferedImage image = ConfusionChart.render(MATRIX, NAMES, "Confusion title");
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300);
        assertTrue(Pixels.distinctColours(image) > 20, "not blank");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10})
    void theColourBarIsTitledAndLabelledInPercentOfTheRowAndNothingIsCutOff(int classes) {
        ConfusionMatrix matrix = classes == 3 ? MATRIX : tenClasses();
        List<String> names = classes == 3 ? NAMES : TEN;
        BufferedImage image = ConfusionChart.render(matrix, names, "Confusion title");
        int cellsEnd = ConfusionChart.chart(matrix, names, "Confusion title").getWidth();
        for (String label : List.of("0%", "25%", "50%", "75%", "100%")) {
            assertTrue(Pixels.contains(image, Pixels.text(label, Palette.font(Font.PLAIN, 12), Palette.TEXT, false),
                    cellsEnd), "the colour bar's label " + label);
        }
        assertTrue(Pixels.contains(image, Pixels.text("% of the true class (row)", Palette.font(Font.PLAIN, 14),
                Palette.TEXT, true), cellsEnd), "the colour bar's title, whole");
        int width = image.getWidth();
        int height = image.getHeight();
        assertEquals(0, nonBackground(image, width - 6, 0, width, height), "an empty margin on the right");
        assertEquals(0, nonBackground(image, cellsEnd, 0, width, 6), "an empty margin above the colour bar");
        assertEquals(0, nonBackground(image, cellsEnd, height - 6, width, height), "and below it");
    }

    private static int nonBackground(BufferedImage image, int x0, int y0, int x1, int y1) {
        return (x1 - x0) * (y1 - y0) - Pixels.count(image, Palette.BACKGROUND, 0, x0, y0, x1, y1);
    }

    @Test
    void theCellsFillThePlotSoNoGridLineEndsPokeOutPastThem() {
        // every image classified right: the diagonal cells are 100%, the darkest colour, and the first and
        // the last mark the corners of the cells
        ConfusionMatrix right = ConfusionMatrix.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3);
        BufferedImage image = BitmapEncoder.getBufferedImage(ConfusionChart.chart(right, NAMES, "Confusion title"));
        Rectangle cells = Pixels.box(image, ConfusionChart.colour(100));
        int left = cells.x;
        int top = cells.y;
        int end = cells.x + cells.width;
        int bottom = cells.y + cells.height;
        assertEquals(0, nonBackground(image, end + 1, 0, image.getWidth(), image.getHeight()),
                "nothing right of the cells " + cells);
        assertEquals(0, nonBackground(image, left, top - 6, end, top), "nothing just above the cells " + cells);
        // the axes run along the cells: the first line drawn left of them, and below them, is the axis's
        int axisX = left - 1;
        while (nonBackground(image, axisX, top, axisX + 1, bottom) == 0) {
            axisX--;
        }
        assertTrue(left - axisX <= 2, "the y axis at x " + axisX + ", the cells from x " + left);
        int axisY = bottom;
        while (nonBackground(image, left, axisY, end, axisY + 1) == 0) {
            axisY++;
        }
        assertTrue(axisY - bottom <= 1, "the x axis at y " + axisY + ", the cells to y " + bottom);
    }

    @Test
    void theColourBarHoldsTheColoursOfTheCells() {
        BufferedImage image = ConfusionChart.render(MATRIX, NAMES, "Confusion title");
        int cellsEnd = ConfusionChart.chart(MATRIX, NAMES, "Confusion title").getWidth();
        // the cells of 75% (Cat as Cat) and 25% (Cat as Dog), coloured as the chart colours them
        for (double share : new double[] {75, 25}) {
            Color cell = ConfusionChart.colour(share);
            assertTrue(Pixels.count(image, cell, 0, 0, 0, cellsEnd, image.getHeight()) > 1000, "a cell of " + share);
            assertTrue(Pixels.count(image, cell, 2, cellsEnd, 0, image.getWidth(), image.getHeight()) > 0,
                    "the bar at " + share);
        }
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
