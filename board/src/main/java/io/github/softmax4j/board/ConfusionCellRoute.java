package io.github.softmax4j.board;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.eval.Predictions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code GET /api/runs/{name}/confusion/{true}/{predicted}}: the test images of one cell of the
 * confusion matrix, most confident first, at most {@link #MAX_IMAGES}: {@code {"true",
 * "predicted", "count", "images": [{"index", "probability", "pixels" (base64 of 784 uint8)}]}}.
 */
final class ConfusionCellRoute implements Route {
    static final int MAX_IMAGES = 60;

    private final ModelCache models;
    private final TestImages testImages;

    ConfusionCellRoute(ModelCache models, TestImages testImages) {
        this.models = models;
        this.testImages = testImages;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        Predictions predictions = testImages.of(models.classifier(call.run()));
        int classes = predictions.confusion().classes();
        int truth = classIndex(call.rest().get(1), classes);
        int predicted = classIndex(call.rest().get(2), classes);
        int[] cell = IntStream.range(0, predictions.size())
                .filter(i -> predictions.truth(i) == truth && predictions.predicted(i) == predicted).toArray();
        Dataset test = testImages.test();
        List<Map<String, Object>> images = new ArrayList<>();
        IntStream.of(cell).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -predictions.confidence(i)).thenComparingInt(i -> i))
                .limit(MAX_IMAGES).forEach(i -> {
                    Map<String, Object> image = new LinkedHashMap<>();
                    image.put("index", i);
                    image.put("probability", predictions.confidence(i));
                    image.put("pixels", Base64.getEncoder().encodeToString(test.image(i)));
                    images.add(image);
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("true", truth);
        body.put("predicted", predicted);
        body.put("count", cell.length);
        body.put("images", images);
        Http.json(call.exchange(), 200, body);
    }

    private static int classIndex(String text, int classes) throws HttpProblem {
        if (text.matches("[0-9]{1,2}") && Integer.parseInt(text) < classes) {
            return Integer.parseInt(text);
        }
        throw new HttpProblem(404, "No class " + text + "; the classes are numbered 0 to " + (classes - 1));
    }
}
