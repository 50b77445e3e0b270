package io.github.softmax4j.board;

import java.io.IOException;

/** The handler of one route of the board's API, given the request resolved by the {@link Router}. */
interface Route {
    /** Answers the call, or throws a problem that the router answers as JSON. */
    void answer(Call call) throws IOException, HttpProblem;
}
