package io.github.softmax4j.math;

/** Holds {@link BatchKernels#fastest()}, chosen once, when first asked for. */
final class FastestKernels {
    static final BatchKernels INSTANCE = BatchKernels.select(
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
            System.getProperty(BatchKernels.PROPERTY));

    private FastestKernels() {
    }
}
