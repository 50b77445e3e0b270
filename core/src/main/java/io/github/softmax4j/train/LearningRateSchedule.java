package io.github.softmax4j.train;

import java.util.List;

/**
 * How the learning rate changes from epoch to epoch, a closed set: {@link Constant} (d2l's), {@link
 * Cosine} and {@link Step}. Epochs are numbered e = 1..E, and the rate holds for a whole epoch.
 */
public sealed interface LearningRateSchedule {
    /** The learning rate of epoch {@code epoch} (1-based) of {@code epochs}, given the base rate. */
    float rate(float learningRate, int epoch, int epochs);

    /** The name used on the command line and in the run's files. */
    String id();

    /** Whether the rate of an epoch depends on the number of epochs, so a run cannot be extended. */
    default boolean dependsOnLength() {
        return true;
    }

    /** The schedules by their ids, in the order the help lists them. */
    List<LearningRateSchedule> ALL = List.of(new Constant(), new Cosine(), new Step());

    /** The schedule named {@code id}; throws IllegalArgumentException listing the known ones. */
    static LearningRateSchedule fromId(String id) {
        for (LearningRateSchedule schedule : ALL) {
            if (schedule.id().equals(id)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + id
                + "'; expected constant, cosine or step");
    }

    /** lr_e = lr. */
    record Constant() implements LearningRateSchedule {
        @Override
        public float rate(float learningRate, int epoch, int epochs) {
            return learningRate;
        }

        @Override
        public String id() {
            return "constant";
        }

        @Override
        public boolean dependsOnLength() {
            return false;
        }
    }

    /** lr_e = lr * (1 + cos(pi * (e - 1) / E)) / 2: from lr down towards 0 along half a cosine. */
    record Cosine() implements LearningRateSchedule {
        @Override
        public float rate(float learningRate, int epoch, int epochs) {
            return (float) (learningRate * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2);
        }

        @Override
        public String id() {
            return "cosine";
        }
    }

    /** lr_e = lr * 0.1^floor(3 (e - 1) / E): the rate divided by 10 after each third of the run. */
    record Step() implements LearningRateSchedule {
        @Override
        public float rate(float learningRate, int epoch, int epochs) {
            int drops = (int) (3L * (epoch - 1) / epochs);
            return (float) (learningRate * Math.pow(0.1, drops));
        }

        @Override
        public String id() {
            return "step";
        }
    }
}
