package io.github.softmax4j.board;

import io.github.softmax4j.data.ImagePreprocessor;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/prepare}: the body is a picture; the answer is the 28x28 input a model sees
 * for it, {@code {"side": 28, "pixels": base64 of 784 uint8, row-major, light on black}}.
 */
final class PrepareRoute implements Route {
    private final Uploads uploads;

    PrepareRoute(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        byte[] pixels = uploads.pixels(call.exchange(), Uploads.name(Http.query(call.exchange())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("side", ImagePreprocessor.SIDE);
        body.put("pixels", Base64.getEncoder().encodeToString(pixels));
        Http.json(call.exchange(), 200, body);
    }
}
