package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aPathThatBashWouldSplitIsQuotedAndOnlyThen() throws IOException, InterruptedException {
        String spaced = "my models/a.safetensors";
        String suggested = NewRunCommand.of(TrainConfig.defaults(), spaced, Map.of("--epochs", "N"));
        assertEquals("softmax4j train --init 'my models/a.safetensors' --epochs N", suggested);
        assertEquals(List.of("softmax4j", "train", "--init", spaced, "--epochs", "N"), asBashReadsIt(suggested));
        String odd = "it's $HOME/*.safetensors";
        assertEquals(List.of("softmax4j", "train", "--init", odd), asBashReadsIt(NewRunCommand.of(
                TrainConfig.defaults(), odd, Map.of())));
        assertEquals("softmax4j train --resume 'my runs/x'", TrainCommand.resumeCommand(Path.of("my runs/x")));
        assertEquals("softmax4j sweep --resume 'sweeps/a b'", SweepCommand.resumeCommand(Path.of("sweeps/a b")));
        assertEquals("softmax4j train --resume runs/2026-01-02_10-00-00", TrainCommand.resumeCommand(
                Path.of("runs/2026-01-02_10-00-00")));
    }

    // the words bash makes of a command line, each printed on a line of its own
    private static List<String> asBashReadsIt(String command) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", "printf '%s\\n' " + command).start();
        List<String> words = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, bash.waitFor());
        return words;
    }
}
