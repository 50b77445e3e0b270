package io.github.softmax4j.board;

import io.github.softmax4j.data.ImagePreprocessor;
import io.github.softmax4j.model.Classifier;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each run's model, loaded once and loaded again when its file changes (a new checkpoint after an
 * epoch, the final model at the end). Keeps the most recently used models only.
 */
final class ModelCache {
    private static final int CAPACITY = 32;

    private record Loaded(List<Object> version, Classifier classifier) {
    }

    private final Map<Path, Loaded> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Loaded> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The classifier of {@code run}'s model file, as the file is now. */
    Classifier classifier(Run run) throws HttpProblem, IOException {
        if (run.unread()) {
            throw new HttpProblem(409, "Run " + run.name() + " cannot be used: " + run.unreadWhy() + ", so what its "
                    + "model is cannot be told; " + run.remedy() + ", or pick another run");
        }
        if (run.holdsUntrainedStart()) {
            throw new HttpProblem(409, "Run " + run.name() + " diverged in its first epoch, so its model file holds "
                    + "the untrained starting model; train it again with a smaller --lr, or pick another run");
        }
        if (run.model() == null) {
            // a run that is not training will not gain one; without a checkpoint it cannot be resumed either
            throw new HttpProblem(409, RunStatus.RUNNING.equals(run.status())
                    ? "Run " + run.name() + " has no model yet; wait until it has trained an epoch or pick another run"
                    : "Run " + run.name() + " is " + run.status() + " and has neither " + RunFolder.MODEL + " nor "
                    + RunFolder.CHECKPOINT + ", so it will not have a model (nor can it be resumed); train it again "
                    + "or pick another run");
        }
        Path file = run.folder().resolve(run.model());
        List<Object> version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            version = List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            throw new HttpProblem(404, "The model of run " + run.name() + " is gone; reload the page to see the runs "
                    + "that remain");
        }
        synchronized (loaded) {
            Loaded known = loaded.get(file);
            if (known != null && known.version().equals(version)) {
                return known.classifier();
            }
        }
        Classifier classifier = load(run, file);
        synchronized (loaded) {
            loaded.put(file, new Loaded(version, classifier));
        }
        return classifier;
    }

    private static Classifier load(Run run, Path file) throws HttpProblem {
        SavedModel saved;
        try {
            saved = ModelFile.load(file);
        } catch (IOException e) {
            throw new HttpProblem(422, "The model of run " + run.name() + " cannot be read (" + e.getMessage()
                    + "); pick another run");
        }
        if (saved.height() != ImagePreprocessor.SIDE || saved.width() != ImagePreprocessor.SIDE) {
            throw new HttpProblem(422, "The model of run " + run.name() + " takes " + saved.height() + "x"
                    + saved.width() + " images, not 28x28 pictures; pick a Fashion-MNIST run");
        }
        return new Classifier(saved);
    }
}
