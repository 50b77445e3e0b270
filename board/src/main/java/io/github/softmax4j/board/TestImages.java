package io.github.softmax4j.board;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.model.Classifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The Fashion-MNIST test images, read (and verified) the first time a confusion matrix is asked
 * for, and each model's predictions on them, kept while the model is. The board never downloads:
 * without the files on this machine it says how to install them.
 */
final class TestImages {
    private final DataLocator locator;
    private final Path dataDir;
    private final Map<Classifier, Predictions> predictions = new WeakHashMap<>();
    private Dataset test;

    /** @param dataDir the folder the user named with --data-dir, or null to search as train does */
    TestImages(DataLocator locator, Path dataDir) {
        this.locator = locator;
        this.dataDir = dataDir;
    }

    /** The test set. */
    synchronized Dataset test() throws HttpProblem {
        if (test == null) {
            try {
                Optional<DataSource> found = locator.find(dataDir, IdxDataSet.Part.TEST);
                if (found.isEmpty()) {
                    throw new HttpProblem(503, "The Fashion-MNIST test images are not on this machine; install the "
                            + "package dataset-fashion-mnist or start the board with --data-dir");
                }
                test = FashionMnist.DATA_SET.loadTest(found.get().dir());
            } catch (IOException e) {
                throw new HttpProblem(503, "The Fashion-MNIST test images cannot be read (" + e.getMessage()
                        + "); reinstall them or start the board with another --data-dir");
            }
        }
        return test;
    }

    /** {@code classifier}'s predictions for every test image. */
    synchronized Predictions of(Classifier classifier) throws HttpProblem {
        Predictions known = predictions.get(classifier);
        if (known == null) {
            if (classifier.model().classNames().size() != FashionMnist.DATA_SET.classes()) {
                throw new HttpProblem(422, "This model has " + classifier.model().classNames().size()
                        + " classes, not the 10 of Fashion-MNIST; pick a Fashion-MNIST run");
            }
            known = Predictions.of(classifier.model().model(), test(), classifier.model().pixelScaling());
            predictions.put(classifier, known);
        }
        return known;
    }
}
