package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.StopRequest;
import io.github.softmax4j.experiment.TrainingJob;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryOfOneEpochIsSingular() {
        RunMetrics one = new RunMetrics(RunStatus.FINISHED, TrainConfig.defaults().toMap(),
                List.of(EpochStats.tested(1, 0.1f, 0.79, 0.75, 0.77, 1)), null);
        assertEquals("After 1 epoch: test acc 0.7700, train acc 0.7500, train loss 0.7900", TrainingRun.summary(one));
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochEndedSaysSoAndHowToContinue() throws IOException, InterruptedException {
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        TrainConfig config = TrainConfig.defaults().withEpochs(3);
        SavedModel start = new SavedModel(SoftmaxRegression.initialize(dataSet.features(), dataSet.classes(),
                config.initStd(), config.seed()), dataSet.classNames(), config.pixelScaling(), dataSet.height(),
                dataSet.width(), Map.of());
        StopRequest stop = new StopRequest();
        stop.request();
        StringWriter err = new StringWriter();
        Path runDir = dir.resolve("run");
        int status = new TrainingRun(runDir, TrainingJob.fresh(start, config), 1, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)).run(RealData.load(), stop);
        assertEquals(Softmax4jCli.EXIT_INTERRUPTED, status);
        assertEquals("softmax4j train: interrupted before epoch 1 of 3; continue with "
                + TrainCommand.resumeCommand(runDir), err.toString().strip());
    }
}
