package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.train.LearningRateSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    static SweepGrid grid(List<Float> rates, List<Integer> batches, int seeds) {
        return new SweepGrid(rates, batches, List.of(0f), List.of(0f, 1e-4f).subList(0, 1),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 3, seeds,
                100, 0);
    }

    @Test
    void everyCombinationWithSeedsInnermostNamedAfterWhatVaries() {
        List<SweepGrid.Run> runs = grid(List.of(0.03f, 1f), List.of(64, 256), 2).runs();
        assertEquals(8, runs.size());
        assertEquals(List.of("lr0.03-bs64-seed1", "lr0.03-bs64-seed2", "lr0.03-bs256-seed1", "lr0.03-bs256-seed2",
                "lr1-bs64-seed1", "lr1-bs64-seed2", "lr1-bs256-seed1", "lr1-bs256-seed2"),
                runs.stream().map(SweepGrid.Run::name).toList());
        SweepGrid.Run last = runs.get(7);
        assertEquals(1f, last.config().learningRate());
        assertEquals(256, last.config().batchSize());
        assertEquals(2, last.config().seed());
        assertEquals(3, last.config().epochs());
        assertEquals(100, last.config().validation());
    }

    @Test
    void aSettingWithOneValueStaysOutOfTheNamesAndSmallNumbersArePlain() {
        SweepGrid grid = new SweepGrid(List.of(0.1f), List.of(256), List.of(0f, 0.9f), List.of(0f, 1e-4f),
                LearningRateSchedule.ALL.subList(1, 3), List.of(PixelScaling.UNIT), List.of(0.01f), 3, 1, 100, 2);
        List<String> names = grid.runs().stream().map(SweepGrid.Run::name).toList();
        assertEquals(8, names.size());
        assertTrue(names.contains("m0.9-wd0.0001-cosine-seed1"), names.toString());
        assertTrue(names.contains("m0-wd0-step-seed1"), names.toString());
    }

    @Test
    void ratesThatGrowByAFactorAreNamedInOneNotationAsFolderNames() {
        List<String> names = grid(List.of(0.1f, 1e6f, 1e7f), List.of(64), 1).runs().stream().map(SweepGrid.Run::name)
                .toList();
        assertEquals(List.of("lr0.1-seed1", "lr1e6-seed1", "lr1e7-seed1"), names, "never lr1000000 beside lr1e7");
        SweepGrid decays = new SweepGrid(List.of(0.1f), List.of(256), List.of(0f), List.of(1e-4f, 1e-5f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 3, 1, 100, 0);
        assertEquals(List.of("wd0.0001-seed1", "wd1e-5-seed1"), decays.runs().stream().map(SweepGrid.Run::name)
                .toList());
        for (String name : names) {
            assertTrue(name.matches("[A-Za-z0-9.-]+"), name + " is a plain folder name on every system");
        }
    }

    @Test
    void theGridReadsBackFromItsMap() {
        SweepGrid grid = grid(List.of(0.03f, 1f), List.of(64, 256), 2);
        assertEquals(grid, SweepGrid.fromMap(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                grid.toMap(), new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { })));
    }

    @Test
    void badGridsAreRefusedBeforeAnythingTrains() {
        assertThrows(IllegalArgumentException.class, () -> grid(List.of(), List.of(64), 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> grid(List.of(0.1f, 0.1f), List.of(64), 1))
                .getMessage().contains("repeat"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> grid(List.of(-1f), List.of(64), 1).runs())
                .getMessage().contains("learningRate"));
    }
}
