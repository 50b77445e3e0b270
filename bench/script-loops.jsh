// A JShell script whose time goes into its own loops, not into softmax4j's kernels: how fast
// `./softmax4j jshell SCRIPT` runs a script's own code. It prints the milliseconds the loops took.
long start = System.nanoTime();
double sum = 0;
for (int i = 0; i < 200_000_000; i++) {
    sum += Math.sqrt(i) * 1e-9;
}
double sines(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
        s += Math.sin(i);
    }
    return s;
}
for (int k = 0; k < 200; k++) {
    sum += sines(100_000);
}
System.out.printf(Locale.ROOT, "loops: %d ms (sum %.6f)%n", (System.nanoTime() - start) / 1_000_000, sum);
