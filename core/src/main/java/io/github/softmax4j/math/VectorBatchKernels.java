package io.github.softmax4j.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD {@link BatchKernels} on jdk.incubator.vector; only loaded when that module is present.
 *
 * <p>Layout: the (k, d) = (10, 784) weights and the (n, d) batch are both walked along d, 16
 * floats at a time on AVX-512, so every lane does useful work (padding the 10 classes to 16 lanes
 * would waste 6 of them). The forward product therefore ends in a sum across lanes, and the
 * backward product broadcasts one dLogits value against a vector of pixels.
 *
 * <p>Blocking: the forward product takes 4 rows by 5 classes at a time, so each pixel vector is
 * used 5 times and each weight vector 4 times per load: 9 loads for 20 fmas, where AMD's Zen 4
 * loads one 512-bit vector per cycle and does one such fma (2 rows by 5 classes, 7 loads for 10
 * fmas, took 31 µs per 128 rows, this 26). The 20 sums in flight hide the fma latency. The five
 * classes stay while the row blocks pass, so that their weights stay in the L1 cache. The
 * backward product likewise takes 5 classes by 4 pixel vectors: 4 loads and 5 broadcasts for 20
 * fmas.
 *
 * <p>Determinism: only lane-wise operations are used, and they are exact (IEEE fma, add,
 * multiply); every sum across lanes is done in one fixed order, the tree of {@link #sumLanes}:
 * in scalar code, or on AVX-512 by lane-wise adds of vectors whose halves are swapped by a fixed
 * shuffle or loaded 8 lanes apart. The Vector API's own lane reduction is avoided on purpose: its
 * order may differ between interpreted and compiled code, which would make results depend on JIT
 * timing. Blocking changes no result: each output element gets the same operations in the same
 * order in every block shape, in the vector loops and in the scalar tails (which use Math.fma, as
 * the vector loops do).
 *
 * <p>The softmax works on {@code LANES} rows at a time, their logits turned so that one vector
 * holds one class of all those rows: the maximum, exp, sum and division are then lane-wise, with
 * no sum across lanes, and rows left over take the same steps in scalar code ({@link FloatExp}).
 *
 * <p>Masked loads and stores are avoided too: JDK 17 does not compile them on AVX-512 and falls
 * back to code that allocates. Edges are done in scalar code instead.
 */
final class VectorBatchKernels implements BatchKernels {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    static final int LANES = FLOATS.length();
    // bytes and ints of the same lane count as FLOATS, for widening pixels
    private static final VectorSpecies<Byte> BYTES = LANES >= 8
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * Byte.SIZE)) : null;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED.length() == LANES
            ? IntVector.SPECIES_PREFERRED : null;
    private static final int ROW_BLOCK = 4;
    private static final int CLASS_BLOCK = 5;
    private static final float INVERSE_255 = 1f / 255f;
    private static final ThreadLocal<float[]> LANES_SCRATCH = ThreadLocal.withInitial(() -> new float[LANES]);
    // lane l <-> lane l ^ h, and the lanes whose bit h is set, for the sums across 16 lanes (l ^ 8 by
    // loads 8 lanes apart instead)
    private static final VectorShuffle<Float> SWAP_4 = VectorShuffle.fromOp(FLOATS, l -> l ^ 4);
    private static final VectorShuffle<Float> SWAP_2 = VectorShuffle.fromOp(FLOATS, l -> l ^ 2);
    private static final VectorShuffle<Float> SWAP_1 = VectorShuffle.fromOp(FLOATS, l -> l ^ 1);
    private static final VectorMask<Float> UPPER_8 = VectorMask.fromLong(FLOATS, 0xFF00L);
    private static final VectorMask<Float> UPPER_4 = VectorMask.fromLong(FLOATS, 0xF0F0L);
    private static final VectorMask<Float> UPPER_2 = VectorMask.fromLong(FLOATS, 0xCCCCL);
    private static final VectorMask<Float> UPPER_1 = VectorMask.fromLong(FLOATS, 0xAAAAL);
    // where the two vectors of sums go in the scratch, after the accumulators
    private static final int SUMS = ROW_BLOCK * CLASS_BLOCK * LANES;
    // two blocks' worth: one being summed while the next is computed
    private static final int SCRATCH_HALF = SUMS + 2 * LANES;
    private static final ThreadLocal<float[]> ACCUMULATORS_SCRATCH = ThreadLocal.withInitial(
            () -> new float[2 * SCRATCH_HALF]);
    // the logits of LANES rows, class by class, for the softmax; grown once if k needs more
    private static final ThreadLocal<float[]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[12 * LANES]);

    private VectorBatchKernels() {
    }

    static BatchKernels create() {
        return new VectorBatchKernels();
    }

    @Override
    public String description() {
        return "SIMD, " + LANES + " float lanes";
    }

    @Override
    public void scalePixels(float[] out, int outOffset, byte[] pixels, int offset, int count, float mean, float std) {
        int t = 0;
        if (BYTES != null && INTS != null) {
            boolean identity = mean == 0f && std == 1f;
            FloatVector twoFiftyFive = FloatVector.broadcast(FLOATS, 255f);
            FloatVector inverse = FloatVector.broadcast(FLOATS, INVERSE_255);
            for (; t + LANES <= count; t += LANES) {
                IntVector widened = (IntVector) ByteVector.fromArray(BYTES, pixels, offset + t)
                        .convertShape(VectorOperators.B2I, INTS, 0);
                FloatVector v = (FloatVector) widened.and(0xFF).convert(VectorOperators.I2F, 0);
                // v / 255 correctly rounded, as the scalar division gives: q = v * (1/255) can be
                // one unit in the last place off, and one fma-based Newton step corrects it for
                // every value 0..255 (the tests check all of them)
                FloatVector q = v.mul(inverse);
                FloatVector error = q.neg().fma(twoFiftyFive, v);
                FloatVector unit = error.fma(inverse, q);
                (identity ? unit : unit.sub(mean).div(std)).intoArray(out, outOffset + t);
            }
        }
        Kernels.scalePixels(out, outOffset + t, pixels, offset + t, count - t, mean, std);
    }

    @Override
    public void affine(float[] out, float[] x, float[] w, float[] b, int from, int to, int d, int k) {
        // x (n,d), w (k,d), b (k) -> out (n,k)
        float[] lanes = LANES_SCRATCH.get();
        float[] acc = ACCUMULATORS_SCRATCH.get();
        int blocked = from + (to - from) / ROW_BLOCK * ROW_BLOCK;
        int c = 0;
        // five classes down all the rows, so that their 5 d weights stay in the L1 cache
        for (; c + CLASS_BLOCK <= k; c += CLASS_BLOCK) {
            // a block's sums are taken after the next block's products, when its accumulators have
            // left the store queue for the cache (taken at once, they were slower)
            for (int i = from; i < blocked; i += ROW_BLOCK) {
                int at = (i - from) / ROW_BLOCK % 2 * SCRATCH_HALF;
                accumulateFourRowsFiveClasses(acc, at, x, w, i, c, d);
                if (i > from) {
                    finishFourRowsFiveClasses(out, x, w, b, i - ROW_BLOCK, c, d, k, acc, SCRATCH_HALF - at);
                }
            }
            if (blocked > from) {
                int last = blocked - ROW_BLOCK;
                int at = (last - from) / ROW_BLOCK % 2 * SCRATCH_HALF;
                finishFourRowsFiveClasses(out, x, w, b, last, c, d, k, acc, at);
            }
        }
        for (; c < k; c++) {
            for (int i = from; i < blocked; i++) {
                out[i * k + c] = dot(x, i * d, w, c * d, d, lanes) + b[c];
            }
        }
        for (int i = blocked; i < to; i++) {
            for (c = 0; c < k; c++) {
                out[i * k + c] = dot(x, i * d, w, c * d, d, lanes) + b[c];
            }
        }
    }

    /**
     * The sums for rows i .. i+3 and classes c .. c+4 over the whole vectors of d, lane by lane: the
     * one for row r and class cc to acc[at + m LANES ..), m = 5 r + cc.
     */
    private static void accumulateFourRowsFiveClasses(float[] acc, int at, float[] x, float[] w, int i, int c, int d) {
        int x0 = i * d;
        int x1 = x0 + d;
        int x2 = x1 + d;
        int x3 = x2 + d;
        int w0 = c * d;
        int w1 = w0 + d;
        int w2 = w1 + d;
        int w3 = w2 + d;
        int w4 = w3 + d;
        FloatVector a00 = FloatVector.zero(FLOATS);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a04 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        FloatVector a14 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a24 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a32 = a00;
        FloatVector a33 = a00;
        FloatVector a34 = a00;
        int bound = FLOATS.loopBound(d);
        for (int j = 0; j < bound; j += LANES) {
            FloatVector r0 = FloatVector.fromArray(FLOATS, x, x0 + j);
            FloatVector r1 = FloatVector.fromArray(FLOATS, x, x1 + j);
            FloatVector r2 = FloatVector.fromArray(FLOATS, x, x2 + j);
            FloatVector r3 = FloatVector.fromArray(FLOATS, x, x3 + j);
            FloatVector v = FloatVector.fromArray(FLOATS, w, w0 + j);
            a00 = r0.fma(v, a00);
            a10 = r1.fma(v, a10);
            a20 = r2.fma(v, a20);
            a30 = r3.fma(v, a30);
            v = FloatVector.fromArray(FLOATS, w, w1 + j);
            a01 = r0.fma(v, a01);
            a11 = r1.fma(v, a11);
            a21 = r2.fma(v, a21);
            a31 = r3.fma(v, a31);
            v = FloatVector.fromArray(FLOATS, w, w2 + j);
            a02 = r0.fma(v, a02);
            a12 = r1.fma(v, a12);
            a22 = r2.fma(v, a22);
            a32 = r3.fma(v, a32);
            v = FloatVector.fromArray(FLOATS, w, w3 + j);
            a03 = r0.fma(v, a03);
            a13 = r1.fma(v, a13);
            a23 = r2.fma(v, a23);
            a33 = r3.fma(v, a33);
            v = FloatVector.fromArray(FLOATS, w, w4 + j);
            a04 = r0.fma(v, a04);
            a14 = r1.fma(v, a14);
            a24 = r2.fma(v, a24);
            a34 = r3.fma(v, a34);
        }
        // to memory: a vector handed to a method that is not inlined would have to be boxed
        a00.intoArray(acc, at);
        a01.intoArray(acc, at + LANES);
        a02.intoArray(acc, at + 2 * LANES);
        a03.intoArray(acc, at + 3 * LANES);
        a04.intoArray(acc, at + 4 * LANES);
        a10.intoArray(acc, at + 5 * LANES);
        a11.intoArray(acc, at + 6 * LANES);
        a12.intoArray(acc, at + 7 * LANES);
        a13.intoArray(acc, at + 8 * LANES);
        a14.intoArray(acc, at + 9 * LANES);
        a20.intoArray(acc, at + 10 * LANES);
        a21.intoArray(acc, at + 11 * LANES);
        a22.intoArray(acc, at + 12 * LANES);
        a23.intoArray(acc, at + 13 * LANES);
        a24.intoArray(acc, at + 14 * LANES);
        a30.intoArray(acc, at + 15 * LANES);
        a31.intoArray(acc, at + 16 * LANES);
        a32.intoArray(acc, at + 17 * LANES);
        a33.intoArray(acc, at + 18 * LANES);
        a34.intoArray(acc, at + 19 * LANES);
    }

    /** Logits of rows i .. i+3 for classes c .. c+4 from their sums at acc[at ..), with the rest of d. */
    private static void finishFourRowsFiveClasses(float[] out, float[] x, float[] w, float[] b, int i, int c, int d,
                                                  int k, float[] acc, int at) {
        if (LANES == 16) {
            // here, not in the method above: there the JIT would run out of room to inline it
            sumsOfTwenty(acc, at);
        }
        int bound = FLOATS.loopBound(d);
        for (int r = 0; r < ROW_BLOCK; r++) {
            int o = (i + r) * k + c;
            for (int cc = 0; cc < CLASS_BLOCK; cc++) {
                float sum = LANES == 16 ? (cc < 4 ? acc[at + SUMS + 4 * r + cc] : acc[at + SUMS + LANES + 4 * r])
                        : sumLanes(acc, at + (r * CLASS_BLOCK + cc) * LANES);
                out[o + cc] = addTail(sum, x, (i + r) * d, w, (c + cc) * d, bound, d) + b[c + cc];
            }
        }
    }

    /** The dot product of x[xo .. xo+d) and w[wo .. wo+d), in the same order as the blocked loop. */
    private static float dot(float[] x, int xo, float[] w, int wo, int d, float[] lanes) {
        FloatVector a = FloatVector.zero(FLOATS);
        int bound = FLOATS.loopBound(d);
        for (int j = 0; j < bound; j += LANES) {
            a = FloatVector.fromArray(FLOATS, x, xo + j).fma(FloatVector.fromArray(FLOATS, w, wo + j), a);
        }
        a.intoArray(lanes, 0);
        return addTail(sumLanes(lanes, 0), x, xo, w, wo, bound, d);
    }

    /**
     * The 20 vectors acc[at + 16 m ..), m = 5 r + cc, each summed across its lanes in the order of
     * {@link #sumLanes}: the sum for row r and class cc < 4 to acc[at + SUMS + 4 r + cc], for class 4
     * to acc[at + SUMS + 16 + 4 r]. Transposing steps sum the halves of two vectors in one vector: 20
     * vector additions in place of 300 scalar ones.
     */
    private static void sumsOfTwenty(float[] acc, int at) {
        // one call site a level, in loops, so that the JIT inlines them all; but the first two levels
        // in one loop, so that the first level's sums stay in registers (stored and loaded again
        // between the two levels, as the later levels are, the whole product took 5 % longer)
        for (int cc = 0; cc < CLASS_BLOCK; cc++) {
            // the first level for rows 0 and 2 (vectors cc and cc + 10, 160 floats apart), then rows 1
            // and 3: lanes l and l + 8 of the first vector added in lanes 0 .. 7, of the second in lanes
            // 8 .. 15. The partners l + 8 and l - 8 are loaded 8 lanes on and 8 lanes back, so no lanes
            // move, and these loads need not wait for the stores (the accumulators were stored a block
            // before). Written out: as a method of its own, compiled on its own first, it was now and
            // then left a call and its vectors boxed (1 run in 10 took 80 µs in place of 45, measured)
            int p = at + cc * LANES;
            FloatVector rows02 = FloatVector.fromArray(FLOATS, acc, p)
                    .blend(FloatVector.fromArray(FLOATS, acc, p + 160), UPPER_8)
                    .add(FloatVector.fromArray(FLOATS, acc, p + 8)
                            .blend(FloatVector.fromArray(FLOATS, acc, p + 152), UPPER_8));
            int q = p + 5 * LANES;
            FloatVector rows13 = FloatVector.fromArray(FLOATS, acc, q)
                    .blend(FloatVector.fromArray(FLOATS, acc, q + 160), UPPER_8)
                    .add(FloatVector.fromArray(FLOATS, acc, q + 8)
                            .blend(FloatVector.fromArray(FLOATS, acc, q + 152), UPPER_8));
            // then all four: lanes 4r .. 4r + 3 of vector cc hold row r's four partial sums of class cc
            halves(rows02, rows13, UPPER_4, SWAP_4).intoArray(acc, p);
        }
        for (int cc = 0; cc < 2; cc++) {
            halves(load(acc, at, cc), load(acc, at, cc + 2), UPPER_2, SWAP_2).intoArray(acc, at + cc * LANES);
        }
        halves(load(acc, at, 0), load(acc, at, 1), UPPER_1, SWAP_1).intoArray(acc, at + SUMS);
        FloatVector s4 = load(acc, at, 4);
        s4 = s4.add(s4.rearrange(SWAP_2));
        s4.add(s4.rearrange(SWAP_1)).intoArray(acc, at + SUMS + LANES);
    }

    private static FloatVector load(float[] acc, int at, int m) {
        return FloatVector.fromArray(FLOATS, acc, at + m * LANES);
    }

    /**
     * Lanes l of p and l ^ half of p added where bit half of l is clear, those of q where it is set:
     * one level of {@link #sumLanes}'s tree for two vectors at once, in one vector.
     */
    private static FloatVector halves(FloatVector p, FloatVector q, VectorMask<Float> upper,
                                      VectorShuffle<Float> swap) {
        return p.blend(q, upper).add(q.blend(p, upper).rearrange(swap));
    }

    /** The sum of lanes[at .. at + LANES): l and l + LANES/2 first, then l and l + LANES/4, and so on. */
    private static float sumLanes(float[] lanes, int at) {
        if (LANES == 16) {
            // the loop below, written out for AVX-512 so that the sums stay in registers: a third
            // of the forward product's time went to this reduction through memory (measured)
            return (((lanes[at] + lanes[at + 8]) + (lanes[at + 4] + lanes[at + 12]))
                    + ((lanes[at + 2] + lanes[at + 10]) + (lanes[at + 6] + lanes[at + 14])))
                    + (((lanes[at + 1] + lanes[at + 9]) + (lanes[at + 5] + lanes[at + 13]))
                    + ((lanes[at + 3] + lanes[at + 11]) + (lanes[at + 7] + lanes[at + 15])));
        }
        for (int width = LANES / 2; width > 0; width /= 2) {
            for (int l = 0; l < width; l++) {
                lanes[at + l] += lanes[at + l + width];
            }
        }
        return lanes[at];
    }

    /** {@code sum} plus x[xo + j] * w[wo + j] for j in [from, d), one fma at a time. */
    private static float addTail(float sum, float[] x, int xo, float[] w, int wo, int from, int d) {
        for (int j = from; j < d; j++) {
            sum = Math.fma(x[xo + j], w[wo + j], sum);
        }
        return sum;
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] dLogits, float[] losses, float[] logits, int[] labels, int from,
                                            int to, int k, float scale) {
        float[] t = TRANSPOSED.get();
        if (t.length < (k + 2) * LANES) {
            t = new float[(k + 2) * LANES];
            TRANSPOSED.set(t);
        }
        int i = from;
        for (; i + LANES <= to; i += LANES) {
            softmaxLanesOfRows(dLogits, losses, logits, labels, i, k, scale, t);
        }
        for (; i < to; i++) {
            softmaxRow(dLogits, losses, logits, labels, i, k, scale);
        }
    }

    /** Rows i .. i + LANES: t holds class c of those rows at c * LANES, then their maxima and sums. */
    private static void softmaxLanesOfRows(float[] dLogits, float[] losses, float[] logits, int[] labels, int i, int k,
                                           float scale, float[] t) {
        for (int l = 0; l < LANES; l++) {
            int off = (i + l) * k;
            for (int c = 0; c < k; c++) {
                t[c * LANES + l] = logits[off + c];
            }
        }
        FloatVector max = FloatVector.fromArray(FLOATS, t, 0);
        for (int c = 1; c < k; c++) {
            max = max.max(FloatVector.fromArray(FLOATS, t, c * LANES));
        }
        FloatVector sum = FloatVector.zero(FLOATS);
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int c = 0; c < k; c++) {
            FloatVector shifted = FloatVector.fromArray(FLOATS, t, c * LANES).sub(max);
            FloatVector e = exp(shifted).blend(zero, shifted.lt(Kernels.EXP_CUT));
            sum = sum.add(e);
            e.intoArray(t, c * LANES);
        }
        FloatVector inverse = FloatVector.broadcast(FLOATS, 1f).div(sum);
        for (int c = 0; c < k; c++) {
            FloatVector.fromArray(FLOATS, t, c * LANES).mul(inverse).intoArray(t, c * LANES);
        }
        max.intoArray(t, k * LANES);
        sum.intoArray(t, (k + 1) * LANES);
        for (int l = 0; l < LANES; l++) {
            int row = i + l;
            int off = row * k;
            int label = labels[row];
            losses[row] = (float) (t[k * LANES + l] + Math.log(t[(k + 1) * LANES + l]) - logits[off + label]);
            for (int c = 0; c < k; c++) {
                float p = t[c * LANES + l];
                dLogits[off + c] = Kernels.flushTiny((c == label ? p - 1f : p) * scale);
            }
        }
    }

    /** One row, with the same operations in the same order as a lane of {@link #softmaxLanesOfRows}. */
    private static void softmaxRow(float[] dLogits, float[] losses, float[] logits, int[] labels, int row, int k,
                                   float scale) {
        int off = row * k;
        float max = logits[off];
        for (int c = 1; c < k; c++) {
            max = Math.max(max, logits[off + c]);
        }
        float sum = 0f;
        for (int c = 0; c < k; c++) {
            sum += cutExp(logits[off + c] - max);
        }
        float inverse = 1f / sum;
        int label = labels[row];
        losses[row] = (float) (max + Math.log(sum) - logits[off + label]);
        for (int c = 0; c < k; c++) {
            float p = cutExp(logits[off + c] - max) * inverse;
            dLogits[off + c] = Kernels.flushTiny((c == label ? p - 1f : p) * scale);
        }
    }

    /** {@link FloatExp#exp}, or 0 below {@link Kernels#EXP_CUT}: one lane of the softmax's exp. */
    private static float cutExp(float shifted) {
        return shifted < Kernels.EXP_CUT ? 0f : FloatExp.exp(shifted);
    }

    /** {@link FloatExp#exp} on every lane. */
    private static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(FloatExp.FLOOR);
        FloatVector rounded = clamped.fma(FloatExp.LOG2E, FloatExp.ROUNDER);
        FloatVector n = rounded.sub(FloatExp.ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(FLOATS, -FloatExp.LN2_HIGH), clamped);
        r = n.fma(FloatVector.broadcast(FLOATS, -FloatExp.LN2_LOW), r);
        FloatVector p = FloatVector.broadcast(FLOATS, FloatExp.C6).fma(r, FloatVector.broadcast(FLOATS, FloatExp.C5));
        p = p.fma(r, FloatVector.broadcast(FLOATS, FloatExp.C4));
        p = p.fma(r, FloatVector.broadcast(FLOATS, FloatExp.C3));
        p = p.fma(r, FloatVector.broadcast(FLOATS, FloatExp.C2));
        p = p.fma(r, FloatVector.broadcast(FLOATS, 1f));
        p = p.fma(r, FloatVector.broadcast(FLOATS, 1f));
        IntVector twoToN = rounded.reinterpretAsInts().sub(FloatExp.ROUNDER_BITS - 127)
                .lanewise(VectorOperators.LSHL, 23);
        return p.mul(twoToN.reinterpretAsFloats());
    }

    @Override
    public void weightGradient(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int d, int k,
                               int colFrom, int colTo) {
        // dLogits (n,k), x (n,d) -> dW (k,d), rows [rowFrom, rowTo), columns [colFrom, colTo)
        int c = 0;
        for (; c + CLASS_BLOCK <= k; c += CLASS_BLOCK) {
            int j = colFrom;
            for (; j + 4 * LANES <= colTo; j += 4 * LANES) {
                gradientFiveClassesFourVectors(dW, dLogits, x, rowFrom, rowTo, d, k, c, j);
            }
            for (int cc = c; cc < c + CLASS_BLOCK; cc++) {
                gradientColumns(dW, dLogits, x, rowFrom, rowTo, d, k, cc, j, colTo);
            }
        }
        for (; c < k; c++) {
            gradientColumns(dW, dLogits, x, rowFrom, rowTo, d, k, c, colFrom, colTo);
        }
    }

    /** dW for classes c..c+4 and columns j .. j + 4 * LANES. */
    private static void gradientFiveClassesFourVectors(float[] dW, float[] dLogits, float[] x, int rowFrom,
                                                       int rowTo, int d, int k, int c, int j) {
        FloatVector a00 = FloatVector.zero(FLOATS);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a32 = a00;
        FloatVector a33 = a00;
        FloatVector a40 = a00;
        FloatVector a41 = a00;
        FloatVector a42 = a00;
        FloatVector a43 = a00;
        for (int i = rowFrom; i < rowTo; i++) {
            int xi = i * d + j;
            int gi = i * k + c;
            FloatVector p0 = FloatVector.fromArray(FLOATS, x, xi);
            FloatVector p1 = FloatVector.fromArray(FLOATS, x, xi + LANES);
            FloatVector p2 = FloatVector.fromArray(FLOATS, x, xi + 2 * LANES);
            FloatVector p3 = FloatVector.fromArray(FLOATS, x, xi + 3 * LANES);
            FloatVector g = FloatVector.broadcast(FLOATS, dLogits[gi]);
            a00 = p0.fma(g, a00);
            a01 = p1.fma(g, a01);
            a02 = p2.fma(g, a02);
            a03 = p3.fma(g, a03);
            g = FloatVector.broadcast(FLOATS, dLogits[gi + 1]);
            a10 = p0.fma(g, a10);
            a11 = p1.fma(g, a11);
            a12 = p2.fma(g, a12);
            a13 = p3.fma(g, a13);
            g = FloatVector.broadcast(FLOATS, dLogits[gi + 2]);
            a20 = p0.fma(g, a20);
            a21 = p1.fma(g, a21);
            a22 = p2.fma(g, a22);
            a23 = p3.fma(g, a23);
            g = FloatVector.broadcast(FLOATS, dLogits[gi + 3]);
            a30 = p0.fma(g, a30);
            a31 = p1.fma(g, a31);
            a32 = p2.fma(g, a32);
            a33 = p3.fma(g, a33);
            g = FloatVector.broadcast(FLOATS, dLogits[gi + 4]);
            a40 = p0.fma(g, a40);
            a41 = p1.fma(g, a41);
            a42 = p2.fma(g, a42);
            a43 = p3.fma(g, a43);
        }
        int o = c * d + j;
        a00.intoArray(dW, o);
        a01.intoArray(dW, o + LANES);
        a02.intoArray(dW, o + 2 * LANES);
        a03.intoArray(dW, o + 3 * LANES);
        a10.intoArray(dW, o + d);
        a11.intoArray(dW, o + d + LANES);
        a12.intoArray(dW, o + d + 2 * LANES);
        a13.intoArray(dW, o + d + 3 * LANES);
        a20.intoArray(dW, o + 2 * d);
        a21.intoArray(dW, o + 2 * d + LANES);
        a22.intoArray(dW, o + 2 * d + 2 * LANES);
        a23.intoArray(dW, o + 2 * d + 3 * LANES);
        a30.intoArray(dW, o + 3 * d);
        a31.intoArray(dW, o + 3 * d + LANES);
        a32.intoArray(dW, o + 3 * d + 2 * LANES);
        a33.intoArray(dW, o + 3 * d + 3 * LANES);
        a40.intoArray(dW, o + 4 * d);
        a41.intoArray(dW, o + 4 * d + LANES);
        a42.intoArray(dW, o + 4 * d + 2 * LANES);
        a43.intoArray(dW, o + 4 * d + 3 * LANES);
    }

    /** dW for class c and columns [from, to): one vector at a time, then scalar. */
    private static void gradientColumns(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int d, int k,
                                        int c, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            FloatVector a = FloatVector.zero(FLOATS);
            for (int i = rowFrom; i < rowTo; i++) {
                FloatVector g = FloatVector.broadcast(FLOATS, dLogits[i * k + c]);
                a = FloatVector.fromArray(FLOATS, x, i * d + j).fma(g, a);
            }
            a.intoArray(dW, c * d + j);
        }
        for (; j < to; j++) {
            float sum = 0f;
            for (int i = rowFrom; i < rowTo; i++) {
                sum = Math.fma(x[i * d + j], dLogits[i * k + c], sum);
            }
            dW[c * d + j] = sum;
        }
    }
}
