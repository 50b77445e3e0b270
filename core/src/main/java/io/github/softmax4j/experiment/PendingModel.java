package io.github.softmax4j.experiment;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A run's model that does not exist yet because the command holding its folder has not ended
 * ({@link RunFolder#pendingModel}): a run writes its model.safetensors when its training ends, and
 * meanwhile its checkpoint holds the model after its latest epoch.
 *
 * @param holder          {@link Holder#RUN}, a run training there, or {@link Holder#STARTING}, a
 *                        train or sweep that took the folder and still reads its data
 * @param checkpoint      the run's checkpoint file, beside the model and named as the model was
 * @param checkpointEpoch the epoch after which the checkpoint holds the model; 0 while none has ended
 * @param epochs          the epochs the run trains in all, when its metrics.json says
 */
public record PendingModel(Holder holder, Path checkpoint, int checkpointEpoch, OptionalInt epochs) {
}
