package io.github.softmax4j.board;

import java.io.IOException;

/** {@code GET /api/folder}: what the board says of its folder as a whole ({@link Folder}). */
final class FolderRoute implements Route {
    private final RunIndex index;

    FolderRoute(RunIndex index) {
        this.index = index;
    }

    @Override
    public void answer(Call call) throws IOException {
        index.refresh();
        Http.json(call.exchange(), 200, index.folder());
    }
}
