package io.github.softmax4j.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /api/runs/{name}/files/{picture}} and {@code GET /api/sweeps/{name}/files/sweep.png}:
 * a PNG that training drew into the folder. Only those names are served, and only a file whose
 * real path (links resolved) lies under the board's folder.
 */
final class PictureRoute implements Route {
    private static final long MAX_BYTES = 64L << 20;

    private final Path root;

    PictureRoute(Path root) {
        this.root = root;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        Path folder = call.run() != null ? call.run().folder() : call.sweep().folder();
        List<String> allowed = call.run() != null ? RunFolder.PICTURES : List.of(RunFolder.SWEEP_PICTURE);
        String name = call.rest().get(1);
        if (!allowed.contains(name)) {
            throw new HttpProblem(404, "No picture " + name + " here; the pictures are " + String.join(", ", allowed));
        }
        byte[] png;
        try {
            Path file = folder.resolve(name).toRealPath();
            if (!file.startsWith(root.toRealPath()) || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new HttpProblem(404, "Picture " + name + " is not a file of the board's folder; "
                        + "the board serves only pictures inside it");
            }
            png = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new HttpProblem(404, call.run() != null ? MissingPictures.why(call.run(), name)
                    : "Sweep " + call.sweep().name() + " has no " + name + ": " + (call.sweep().summary() != null
                    && call.sweep().summary().path("ranking").size() > 0
                    ? "the sweep is done without it in its folder (removed since, or never written)"
                    : "a sweep draws it once all its runs are done, so not yet, or not at all if it was stopped"));
        }
        Http.send(call.exchange(), 200, "image/png", png);
    }
}
