package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void constantIsTheBaseRateEveryEpoch() {
        LearningRateSchedule constant = new LearningRateSchedule.Constant();
        for (int epoch = 1; epoch <= 7; epoch++) {
            assertEquals(0.1f, constant.rate(0.1f, epoch, 7));
        }
        assertFalse(constant.dependsOnLength());
    }

    @Test
    void cosineFallsAlongHalfACosineFromTheBaseRate() {
        LearningRateSchedule cosine = new LearningRateSchedule.Cosine();
        assertEquals(0.2f, cosine.rate(0.2f, 1, 4));
        // (1 + cos(pi/4))/2 = 0.853553..., (1 + cos(pi/2))/2 = 0.5, (1 + cos(3pi/4))/2 = 0.146447...
        assertEquals(0.2f * 0.8535534f, cosine.rate(0.2f, 2, 4), 1e-7f);
        assertEquals(0.1f, cosine.rate(0.2f, 3, 4), 1e-7f);
        assertEquals(0.2f * 0.1464466f, cosine.rate(0.2f, 4, 4), 1e-7f);
        assertTrue(cosine.dependsOnLength());
    }

    @Test
    void stepDividesByTenAfterEachThird() {
        LearningRateSchedule step = new LearningRateSchedule.Step();
        float[] expected = {1f, 1f, 1f, 0.1f, 0.1f, 0.1f, 0.01f, 0.01f, 0.01f};
        for (int epoch = 1; epoch <= 9; epoch++) {
            assertEquals(expected[epoch - 1], step.rate(1f, epoch, 9), 1e-9f, "epoch " + epoch);
        }
        // floor(3 (e-1) / 10) for e = 1..10: 0 0 0 0 1 1 1 2 2 2
        assertEquals(1f, step.rate(1f, 4, 10));
        assertEquals(0.1f, step.rate(1f, 5, 10), 1e-9f);
        assertEquals(0.01f, step.rate(1f, 8, 10), 1e-9f);
    }

    @Test
    void idsReadBackAndUnknownOnesAreNamed() {
        for (LearningRateSchedule schedule : LearningRateSchedule.ALL) {
            assertEquals(schedule, LearningRateSchedule.fromId(schedule.id()));
        }
        String message = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.fromId("linear"))
                .getMessage();
        assertTrue(message.contains("'linear'") && message.contains("cosine"), message);
    }
}
