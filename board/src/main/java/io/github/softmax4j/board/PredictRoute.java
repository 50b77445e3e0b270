package io.github.softmax4j.board;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.model.Classifier;
import io.github.softmax4j.model.PredictionReport;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/runs/{name}/predict?top=K&min_confidence=P&input=NAME}: the body is a picture;
 * the answer is the JSON object {@code softmax4j predict --json} prints for one file.
 */
final class PredictRoute implements Route {
    private final ModelCache models;
    private final Uploads uploads;

    PredictRoute(ModelCache models, Uploads uploads) {
        this.models = models;
        this.uploads = uploads;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        Map<String, String> query = Http.query(call.exchange());
        int top = top(query);
        double minConfidence = minConfidence(query);
        String name = Uploads.name(query);
        Classifier classifier = models.classifier(call.run());
        byte[] pixels = uploads.pixels(call.exchange(), name);
        PredictionReport report = new PredictionReport(name, classifier.classifyPixels(pixels), top, minConfidence);
        Http.json(call.exchange(), 200, report.toMap());
    }

    private static int top(Map<String, String> query) throws HttpProblem {
        String text = query.getOrDefault("top", "3");
        try {
            int top = Integer.parseInt(text);
            if (top >= 1 && top <= FashionMnist.DATA_SET.classes()) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other bad value
        }
        throw new HttpProblem(400, "top must be a whole number from 1 to " + FashionMnist.DATA_SET.classes() + ", got " + text);
    }

    private static double minConfidence(Map<String, String> query) throws HttpProblem {
        String text = query.getOrDefault("min_confidence", "0");
        try {
            double p = Double.parseDouble(text);
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other bad value
        }
        throw new HttpProblem(400, "min_confidence must be a number from 0 to 1, got " + text);
    }
}
