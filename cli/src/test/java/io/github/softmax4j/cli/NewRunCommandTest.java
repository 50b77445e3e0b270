package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.TrainConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewRunCommandTest {
    @Test
    void namesEverySettingAwayFromItsDefaultWithTheChangesInPlace() {
        TrainConfig config = new TrainConfig(0.5f, 64, 20, 7, 0.02f, PixelScaling.SYMMETRIC, false, 0.9f, 0.001f,
                new LearningRateSchedule.Constant(), 5000, 2);
        assertEquals("softmax4j train --no-shuffle --batch-size 64 --lr 0.5 --init-std 0.02 --seed 7 --pixels symmetric "
                + "--momentum 0.9 --weight-decay 0.001 --validation 5000 --early-stopping P --init runs/a/model.safetensors "
                + "--epochs 40", NewRunCommand.of(config, "runs/a/model.safetensors",
                Map.of("--early-stopping", "P", "--epochs", "40")));
        assertEquals("softmax4j train", NewRunCommand.of(TrainConfig.defaults(), "random", Map.of()));
    }
}
