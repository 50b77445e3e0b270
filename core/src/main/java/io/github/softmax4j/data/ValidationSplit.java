package io.github.softmax4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training images held out for validation, so that choices (the kept epoch, a sweep's winner) are
 * made without looking at the test set. The split is stratified: each class is held out in
 * proportion to its share of the data (largest remainders decide the last few images), and which
 * images of a class are held out depends only on the seed.
 *
 * @param train      the images left to train on, in their original order
 * @param validation the held-out images, in their original order
 */
public record ValidationSplit(Dataset train, Dataset validation) {
    /**
     * Holds out {@code held} of the examples of {@code data}, chosen by {@code seed}; throws
     * IllegalArgumentException unless {@code 0 < held < data.size()}.
     */
    public static ValidationSplit of(Dataset data, int held, long seed) {
        int n = data.size();
        if (held <= 0 || held >= n) {
            throw new IllegalArgumentException("validation must be between 1 and " + (n - 1) + " (the " + n
                    + " training images), got " + held);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = data.label(i);
            while (byClass.size() <= label) {
                byClass.add(new ArrayList<>());
            }
            byClass.get(label).add(i);
        }
        int[] quota = quotas(byClass, held, n);
        boolean[] isHeld = new boolean[n];
        Random random = new Random(seed * 0x2545F4914F6CDD1DL + 0x5851F42D4C957F2DL);
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> members = byClass.get(c);
            // a partial Fisher-Yates shuffle: the first quota[c] members are a uniform random choice
            for (int i = 0; i < quota[c]; i++) {
                int j = i + random.nextInt(members.size() - i);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
                isHeld[members.get(i)] = true;
            }
        }
        int[] validation = new int[held];
        int[] train = new int[n - held];
        int v = 0;
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (isHeld[i]) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new ValidationSplit(data.subset(train), data.subset(validation));
    }

    // held * share of each class, rounded down, then one more for the largest remainders (ties: lower class)
    private static int[] quotas(List<List<Integer>> byClass, int held, int n) {
        int classes = byClass.size();
        int[] quota = new int[classes];
        long[] remainder = new long[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            long share = (long) held * byClass.get(c).size();
            quota[c] = (int) (share / n);
            remainder[c] = share % n;
            given += quota[c];
        }
        Integer[] byRemainder = new Integer[classes];
        Arrays.setAll(byRemainder, c -> c);
        Arrays.sort(byRemainder, (a, b) -> a.equals(b) ? 0
                : remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int i = 0; given < held; i++) {
            quota[byRemainder[i]]++;
            given++;
        }
        return quota;
    }
}
