package io.github.softmax4j.board;

import java.io.IOException;

/** {@code GET /api/runs}: every run under the board's folder, in name order, with its epochs. */
final class RunListRoute implements Route {
    private final RunIndex index;

    RunListRoute(RunIndex index) {
        this.index = index;
    }

    @Override
    public void answer(Call call) throws IOException {
        index.refresh();
        Http.json(call.exchange(), 200, index.runs().values());
    }
}
