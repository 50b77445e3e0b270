package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sizes far beyond what the data allows are refused in one line with exit code 2, before any
 * array is sized from them and before anything is written: no stack trace, no run folder.
 */
class AbsurdSizesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --batch-size 3000000|--batch-size must be at most the 60000 images that train the model, got 3000000",
        "train --batch-size 5478275|--batch-size must be at most the 60000 images that train the model, got 5478275",
        "train --batch-size 2000000000|--batch-size must be at most the 60000 images that train the model",
        "train --batch-size 50001 --validation 10000|--batch-size must be at most the 50000 images that train",
        "train --validation 60000|--validation must be less than the 60000 training images, got 60000",
        "sweep --batch-size 64,70000|--batch-size must be at most the 50000 images that train the model, got 70000",
        "sweep --seeds 2000000000|a sweep of 2000000000 runs is more than 10000",
        "sweep --lr 0.1,0.2,0.3 --seeds 5000|a sweep of 15000 runs is more than 10000",
        "show --first 2147483000 --count 1000|--first 2147483000 with --count 1000 goes past the 60000 images",
    })
    void isRefusedInOneLineWithExitCode2AndNothingWritten(String command, String message) {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--data-dir", RealData.dir().toString(), "--out",
                command.startsWith("show") ? out + ".png" : out.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().lines().findFirst().orElseThrow().contains(message), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(out) || Files.exists(Path.of(out + ".png")), "nothing written");
    }

    @Test
    void aTrainerRefusesABatchNoArrayCanHoldBeforeAllocating() {
        TrainConfig config = TrainConfig.defaults().withBatchSize(5_478_275);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(config, 1, 784, 10));
        assertTrue(e.getMessage().contains("batchSize 5478275 of 784 features each is more than one array can hold"),
                e.getMessage());
    }
}
