package io.github.softmax4j.math;

/**
 * exp(x) in float for x ≤ 0, as the softmax needs it after subtracting the row's maximum, built
 * only from exactly rounded operations (fma, add, multiply, bit shifts) in one fixed order. The
 * SIMD softmax does the same steps lane by lane ({@link VectorBatchKernels}), so a row gives the
 * same bits whether it went through a vector or through the scalar tail, interpreted or
 * compiled; {@link Math#exp} gives no such promise to a vector of lanes.
 *
 * <p>Method: x = n ln2 + r with n an integer and |r| ≤ ln2/2 (Cody–Waite, ln2 split in two
 * floats), exp(r) by its Taylor polynomial of degree 6 (truncation error below 2⁻²³ on that
 * interval), then multiplied by 2ⁿ built from its bits. Inputs below {@link #FLOOR} are raised
 * to it, so the result is never below the smallest normal float, about 1.2e-38: in a softmax,
 * where the largest term is 1, that changes nothing visible. Within 2 units in the last place of
 * the correctly rounded value (the tests check the whole range).
 */
final class FloatExp {
    /** The least input used: exp(FLOOR) is just above 2⁻¹²⁶. */
    static final float FLOOR = -87.33f;
    static final float LOG2E = 1.44269504f;
    /** 1.5 · 2²³: adding it rounds a float of magnitude below 2²² to an integer, kept in the low bits. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    static final float LN2_HIGH = 0.6931472f;
    static final float LN2_LOW = (float) (Math.log(2) - LN2_HIGH);
    static final float C2 = 1f / 2;
    static final float C3 = 1f / 6;
    static final float C4 = 1f / 24;
    static final float C5 = 1f / 120;
    static final float C6 = 1f / 720;

    private FloatExp() {
    }

    /** exp(x) for x ≤ 0; NaN stays NaN. */
    static float exp(float x) {
        float clamped = Math.max(x, FLOOR);
        float rounded = Math.fma(clamped, LOG2E, ROUNDER);
        float n = rounded - ROUNDER;
        float r = Math.fma(n, -LN2_HIGH, clamped);
        r = Math.fma(n, -LN2_LOW, r);
        float p = Math.fma(C6, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int twoToN = (Float.floatToRawIntBits(rounded) - ROUNDER_BITS + 127) << 23;
        return p * Float.intBitsToFloat(twoToN);
    }
}
