package io.github.softmax4j.math;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.util.List;

/**
 * A program that embeds the library as an application would: it trains a tiny model twice and
 * prints only its own line, so that whatever else appears on its streams came from the library.
 */
public final class EmbeddingProgram {
    private EmbeddingProgram() {
    }

    public static void main(String[] args) throws Exception {
        int features = 4;
        int examples = 8;
        byte[] pixels = new byte[examples * features];
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = i % 2;
            pixels[i * features + labels[i]] = (byte) 255;
        }
        Dataset data = new Dataset(pixels, labels, features);
        TrainConfig config = TrainConfig.defaults().withBatchSize(4).withEpochs(3).withLearningRate(1f);
        for (int run = 0; run < 2; run++) {
            Trainer.train(data, data, List.of("left", "right"), 2, 2, config);
        }
        System.out.println("trained twice with " + BatchKernels.fastest().description());
    }
}
