package io.github.softmax4j.board;

import java.io.IOException;

/** {@code GET /api/sweeps}: every sweep folder (one holding sweep.json), in name order. */
final class SweepListRoute implements Route {
    private final RunIndex index;

    SweepListRoute(RunIndex index) {
        this.index = index;
    }

    @Override
    public void answer(Call call) throws IOException {
        index.refresh();
        Http.json(call.exchange(), 200, index.sweeps().values());
    }
}
