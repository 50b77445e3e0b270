package io.github.softmax4j.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The most float arithmetic this machine does through the Vector API: 16 independent chains of
 * fused multiply-adds on the preferred vector species, with nothing loaded or stored in the loop,
 * so the only limit is how many fmas the core issues per cycle (16 chains are more than the fma
 * latency times the fma units of any current x86 core). The score is GFLOP/s, an fma counting as
 * two; run it with {@code -t 1} for one core and {@code -t 2} for two. Every kernel figure of
 * {@link KernelBenchmark} is stated as a share of this one, measured on the same machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakBenchmark {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 16;
    // float fmas per chain and call, whatever the vector width
    private static final int LANE_FMAS = 65536;
    private static final int STEPS = LANE_FMAS / FLOATS.length();

    /** Chosen so that a = a * m + c stays near c / (1 - m), normal, never overflowing. */
    public float multiplier = 0.999f;
    public float addend = 0.001f;

    /** Rounds of one fma on each of the 16 chains: 16 · 65,536 float fmas in all, whatever the species. */
    @Benchmark
    @OperationsPerInvocation(2 * CHAINS * LANE_FMAS)
    public float fmaChains() {
        FloatVector m = FloatVector.broadcast(FLOATS, multiplier);
        FloatVector c = FloatVector.broadcast(FLOATS, addend);
        FloatVector a0 = c;
        FloatVector a1 = c.add(c);
        FloatVector a2 = a1.add(c);
        FloatVector a3 = a2.add(c);
        FloatVector a4 = a3.add(c);
        FloatVector a5 = a4.add(c);
        FloatVector a6 = a5.add(c);
        FloatVector a7 = a6.add(c);
        FloatVector a8 = a7.add(c);
        FloatVector a9 = a8.add(c);
        FloatVector a10 = a9.add(c);
        FloatVector a11 = a10.add(c);
        FloatVector a12 = a11.add(c);
        FloatVector a13 = a12.add(c);
        FloatVector a14 = a13.add(c);
        FloatVector a15 = a14.add(c);
        for (int s = 0; s < STEPS; s++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
            a12 = a12.fma(m, c);
            a13 = a13.fma(m, c);
            a14 = a14.fma(m, c);
            a15 = a15.fma(m, c);
        }
        FloatVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15);
        return sum.lane(0);
    }
}
