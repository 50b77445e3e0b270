package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.train.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static RunResult result(String name, double lr, long seed, RunStatus status, double valAccuracy) {
        return new RunResult(name, Map.of("learning_rate", lr), seed, status, 5, valAccuracy, 0.4, Double.NaN, 2.0);
    }

    @Test
    void settingsAreRankedByTheirMeanOverSeedsWithTheSampleDeviation() {
        List<Ranking.Entry> ranking = Ranking.rank(List.of(
                result("a1", 0.1, 1, RunStatus.FINISHED, 0.80), result("a2", 0.1, 2, RunStatus.FINISHED, 0.84),
                result("b1", 0.3, 1, RunStatus.FINISHED, 0.83), result("b2", 0.3, 2, RunStatus.FINISHED, 0.83)));
        assertEquals(2, ranking.size());
        Ranking.Entry first = ranking.get(0);
        assertEquals(0.3, first.settings().get("learning_rate"));
        assertEquals(0.83, first.mean(), 1e-12);
        assertEquals(0, first.sd(), 1e-12);
        Ranking.Entry second = ranking.get(1);
        assertEquals(0.82, second.mean(), 1e-12);
        // sample sd of 0.80 and 0.84: sqrt((0.02^2 + 0.02^2) / 1)
        assertEquals(Math.sqrt(0.0008), second.sd(), 1e-12);
        assertEquals(List.of("a1", "a2"), second.runs());
        assertTrue(first.validated());
    }

    @Test
    void copiesOfOneSeedCountAsThatSeedOnceSoTheyHaveNoDeviation() {
        Ranking.Entry copies = Ranking.rank(List.of(result("a", 0.1, 42, RunStatus.FINISHED, 0.8331),
                result("a-copy", 0.1, 42, RunStatus.FINISHED, 0.8331))).get(0);
        assertEquals(1, copies.seeds());
        assertEquals(List.of("a", "a-copy"), copies.runs());
        assertEquals(0.8331, copies.mean(), 1e-12);
        // two seeds, one of them run twice: each seed weighs the same, by the mean of its runs
        Ranking.Entry twoSeeds = Ranking.rank(List.of(result("a", 0.1, 1, RunStatus.FINISHED, 0.80),
                result("a-copy", 0.1, 1, RunStatus.FINISHED, 0.80), result("b", 0.1, 2, RunStatus.FINISHED, 0.84)))
                .get(0);
        assertEquals(2, twoSeeds.seeds());
        assertEquals(0.82, twoSeeds.mean(), 1e-12);
        assertEquals(Math.sqrt(0.0008), twoSeeds.sd(), 1e-12);
    }

    @Test
    void aSettingWithADivergedRunComesLastWhateverItsScore() {
        List<Ranking.Entry> ranking = Ranking.rank(List.of(
                result("fast", 10, 1, RunStatus.DIVERGED, 0.9), result("slow", 0.01, 1, RunStatus.FINISHED, 0.7)));
        assertEquals("slow", ranking.get(0).runs().get(0));
        assertTrue(ranking.get(1).diverged());
        assertFalse(ranking.get(0).diverged());
    }

    @Test
    void settingsJudgedOnValidationComeBeforeThoseJudgedOnTheTestSet() {
        RunResult plain = new RunResult("plain", Map.of("learning_rate", 0.5), 42, RunStatus.FINISHED, 10,
                Double.NaN, Double.NaN, 0.95, 1.0);
        List<Ranking.Entry> ranking = Ranking.rank(List.of(plain, result("validated", 0.1, 1, RunStatus.FINISHED,
                0.8)));
        assertEquals(List.of("validated"), ranking.get(0).runs());
        assertFalse(ranking.get(1).validated());
    }

    @Test
    void runsWithoutValidationAreRankedByTheirTestAccuracyAndSaySo() {
        RunResult plain = new RunResult("plain", Map.of("learning_rate", 0.1), 42, RunStatus.FINISHED, 10,
                Double.NaN, Double.NaN, 0.83, 1.0);
        Ranking.Entry entry = Ranking.rank(List.of(plain)).get(0);
        assertEquals(0.83, entry.mean());
        assertFalse(entry.validated());
    }
}
