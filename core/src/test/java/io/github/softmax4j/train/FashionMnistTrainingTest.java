package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.data.TrainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole d2l §3.6 run on the real data set. Runs whenever the data is found; required when
 * CI=true (see {@link RealData}).
 */
@Tag("integration")
class FashionMnistTrainingTest {
    @Test
    void d2lDefaultsMeetTheChaptersBarsAndALinearModelsAccuracy() throws DivergenceException {
        TrainTest data = RealData.load();
        Trainer.Result result = Trainer.train(data, TrainConfig.defaults());
        EpochStats last = result.epochs().get(result.epochs().size() - 1);
        // d2l's train_ch3 asserts these three
        assertTrue(last.trainLoss() < 0.5, last.toString());
        assertTrue(last.trainAccuracy() > 0.7 && last.trainAccuracy() <= 1, last.toString());
        assertTrue(last.testAccuracy() > 0.7 && last.testAccuracy() <= 1, last.toString());
        // what a correct softmax regression reaches after 10 epochs (PyTorch: 0.826-0.835)
        assertTrue(last.testAccuracy() >= 0.82, last.toString());
    }
}
