package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.train.EpochStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {
    private static final List<EpochStats> HISTORY = List.of(EpochStats.tested(1, 0.1f, 0.79, 0.75, 0.77, 0.1),
            EpochStats.tested(2, 0.1f, 0.57, 0.81, 0.81, 0.1), EpochStats.tested(3, 0.1f, 0.53, 0.83, 0.81, 0.1));

    @Test
    void drawsThreeColouredLinesOnAWhiteChart() {
        BufferedImage image = TrainingCurves.render(HISTORY);
        assertEquals(720, image.getWidth());
        assertEquals(450, image.getHeight());
        assertTrue(Pixels.count(image, Palette.TRAIN_LOSS, 10) > 100, "train loss line");
        assertTrue(Pixels.count(image, Palette.TRAIN_ACC, 10) > 100, "train acc line");
        assertTrue(Pixels.count(image, Palette.TEST_ACC, 10) > 100, "test acc line");
    }

    @Test
    void svgIsADrawingWithATitleAndADescriptionOfTheLines() throws IOException {
        String svg = TrainingCurves.svg(HISTORY);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.trim().endsWith("</svg>"));
        assertTrue(svg.contains("<title>Training curves</title>"), "title");
        assertTrue(svg.contains("<desc>train loss, train acc and test acc against the epoch, 1 to 3; after the last "
                + "epoch: train loss 0.5300, train acc 0.8300, test acc 0.8100</desc>"), "description");
        assertTrue(svg.split("<path").length > 10, "the lines, markers and lettering are drawn as paths");
    }

    @Test
    void titlesTheAxesAndNamesTheLines() {
        var chart = TrainingCurves.chart(HISTORY);
        assertEquals("Training curves", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("loss / accuracy", chart.getYAxisTitle());
        assertEquals(List.of("train loss", "train acc", "test acc"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void aLossAboveOneWidensTheAxisInsteadOfLeavingTheChart() {
        var chart = TrainingCurves.chart(List.of(EpochStats.tested(1, 0.1f, 2.34, 0.3, 0.35, 0.1)));
        assertEquals(2.4, chart.getStyler().getYAxisMax(), 1e-9);
    }
}
