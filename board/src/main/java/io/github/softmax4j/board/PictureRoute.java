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
            throw new HttpProblem(404, missing(call.run(), name));
        }
        Http.send(call.exchange(), 200, "image/png", png);
    }

    // why a picture is missing: a run that diverged in its first epoch has no epoch to draw, a damaged one no
    // status to tell; else training draws it at the end
    private static String missing(Run run, String name) {
        if (run != null && run.divergedAtOnce()) {
            return "Run " + run.name() + " diverged in its first epoch, so it has no curves and no pictures: "
                    + "training draws none for a run without an epoch; train it again with a smaller --lr";
        }
        if (run != null && run.damaged() != null) {
            return "Run " + run.name() + " has no " + name + " and its " + RunFolder.METRICS + " is damaged ("
                    + run.damaged() + "); resuming the run writes it again";
        }
        return "Picture " + name + " does not exist (yet); training draws it at the end";
    }
}
