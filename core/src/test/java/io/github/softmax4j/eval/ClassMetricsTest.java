package io.github.softmax4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {
    @Test
    void precisionRecallAndF1PerClass() {
        // truth 0 0 0 0 1 1, predicted 0 0 0 1 1 0
        List<ClassMetrics> metrics = ClassMetrics.of(ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1},
                new int[] {0, 0, 0, 1, 1, 0}, 3));
        ClassMetrics zero = metrics.get(0);
        assertEquals(3.0 / 4, zero.precision(), 1e-12);
        assertEquals(3.0 / 4, zero.recall(), 1e-12);
        assertEquals(0.75, zero.f1(), 1e-12);
        assertEquals(4, zero.support());
        ClassMetrics one = metrics.get(1);
        assertEquals(0.5, one.precision(), 1e-12);
        assertEquals(0.5, one.recall(), 1e-12);
        ClassMetrics empty = metrics.get(2);
        assertEquals(new ClassMetrics(2, 0, 0, 0, 0), empty);
    }
}
