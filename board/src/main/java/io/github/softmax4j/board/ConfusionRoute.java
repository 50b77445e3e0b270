package io.github.softmax4j.board;

import io.github.softmax4j.eval.ConfusionMatrix;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.model.Classifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs/{name}/confusion}: the run's model on the test set, {@code {"classes",
 * "matrix" (rows = true class, columns = predicted), "accuracy", "model"}}.
 */
final class ConfusionRoute implements Route {
    private final ModelCache models;
    private final TestImages testImages;

    ConfusionRoute(ModelCache models, TestImages testImages) {
        this.models = models;
        this.testImages = testImages;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        Classifier classifier = models.classifier(call.run());
        Predictions predictions = testImages.of(classifier);
        ConfusionMatrix confusion = predictions.confusion();
        List<List<Long>> matrix = new ArrayList<>();
        for (int t = 0; t < confusion.classes(); t++) {
            List<Long> row = new ArrayList<>();
            for (int p = 0; p < confusion.classes(); p++) {
                row.add(confusion.count(t, p));
            }
            matrix.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("classes", classifier.model().classNames());
        body.put("matrix", matrix);
        body.put("accuracy", predictions.accuracy());
        body.put("model", call.run().model());
        Http.json(call.exchange(), 200, body);
    }
}
