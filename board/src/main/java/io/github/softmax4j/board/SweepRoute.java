package io.github.softmax4j.board;

import java.io.IOException;

/** {@code GET /api/sweeps/{name}}: one sweep, its runs and its sweep.json (ranking, winner). */
final class SweepRoute implements Route {
    @Override
    public void answer(Call call) throws IOException {
        Http.json(call.exchange(), 200, call.sweep());
    }
}
