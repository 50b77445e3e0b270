package io.github.softmax4j.board;

import java.io.IOException;

/** {@code GET /api/runs/{name}}: one run, as its folder is now. */
final class RunRoute implements Route {
    private final RunIndex index;

    RunRoute(RunIndex index) {
        this.index = index;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        index.refresh();
        Run run = index.runs().get(call.run().name());
        if (run == null) {
            throw new HttpProblem(404, "Run " + call.run().name() + " is gone from the board's folder; "
                    + "GET /api/runs lists the runs that remain");
        }
        Http.json(call.exchange(), 200, run);
    }
}
