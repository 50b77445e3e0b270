package io.github.softmax4j.math;

import java.lang.System.Logger.Level;

/**
 * Holds {@link BatchKernels#fastest()}, chosen once, when first asked for. Falling back to the
 * scalar kernels because the JVM lacks jdk.incubator.vector is reported once, as a WARNING through
 * {@link System.Logger}: the only message the library ever gives, because without it an embedding
 * program trains 10 to 15 times slower and nothing says why.
 */
final class FastestKernels {
    /** The JVM option that makes the SIMD kernels available. */
    static final String FLAG = "--add-modules jdk.incubator.vector";

    static final BatchKernels INSTANCE = choose();

    private FastestKernels() {
    }

    private static BatchKernels choose() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        String requested = System.getProperty(BatchKernels.PROPERTY);
        if (!present && !"scalar".equals(requested)) {
            System.getLogger("io.github.softmax4j").log(Level.WARNING, "softmax4j: the JVM lacks the module "
                    + "jdk.incubator.vector, so training uses the scalar kernels, about 10 to 15 times slower than SIMD; "
                    + "start Java with " + FLAG + " to use them");
        }
        return BatchKernels.select(present, requested);
    }
}
