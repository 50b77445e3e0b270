package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    @Test
    void defaultsAreTheChapters() {
        TrainConfig config = TrainConfig.defaults();
        assertEquals(0.1f, config.learningRate());
        assertEquals(256, config.batchSize());
        assertEquals(10, config.epochs());
        assertEquals(0.01f, config.initStd());
        assertEquals(PixelScaling.UNIT, config.pixelScaling());
        assertTrue(config.shuffle());
    }

    private static String rejection(float lr, int batch, int epochs, float initStd) {
        return assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.defaults().withLearningRate(lr).withBatchSize(batch).withEpochs(epochs)
                        .withInitStd(initStd)).getMessage();
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        assertEquals("batchSize must be > 0, got 0", rejection(0.1f, 0, 1, 0.01f));
        assertEquals("epochs must be > 0, got -1", rejection(0.1f, 1, -1, 0.01f));
        assertTrue(rejection(Float.NaN, 1, 1, 0.01f).startsWith("learningRate"));
        assertTrue(rejection(Float.POSITIVE_INFINITY, 1, 1, 0.01f).startsWith("learningRate"));
        assertTrue(rejection(0f, 1, 1, 0.01f).startsWith("learningRate"));
        assertTrue(rejection(0.1f, 1, 1, -1f).startsWith("initStd"));
    }
}
