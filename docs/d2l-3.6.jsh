// "Dive into Deep Learning" §3.6, softmax regression from scratch, one cell at a time.
// Run it:            ./softmax4j jshell docs/d2l-3.6.jsh
// Or step by step:   ./softmax4j jshell, then paste the lines, or /open docs/d2l-3.6.jsh
// Arrays are flat float[] in row-major order: a matrix of n rows and m columns keeps x[i][j] at x[i * m + j].

// Prints a row-major matrix with m columns the way d2l prints a tensor.
String rows(float[] x, int m) {
    StringJoiner matrix = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < x.length; i += m) {
        StringJoiner row = new StringJoiner(", ", "[", "]");
        for (int j = 0; j < m; j++) {
            row.add(String.format(Locale.ROOT, "%.4f", x[i + j]));
        }
        matrix.add(row.toString());
    }
    return matrix.toString();
}

// d2l: batch_size = 256; train_iter, test_iter = load_data_fashion_mnist(batch_size)
TrainTest data = FashionMnist.load();
List<String> labels = data.dataSet().classNames();
System.out.println("data: " + data.train().size() + " training and " + data.test().size() + " test images of "
        + data.dataSet().features() + " pixels, in " + labels.size() + " classes");

// §3.6.2 Sums along an axis. X has 2 rows and 3 columns.
float[] X = {1, 2, 3, 4, 5, 6};
float[] columnSums = new float[3];
Kernels.sumColumns(columnSums, X, 2, 3);
float[] rowSums = new float[2];
Kernels.sumRows(rowSums, X, 2, 3);
System.out.println("X.sum(0) = " + rows(columnSums, 3) + "   // each column summed: 1+4, 2+5, 3+6");
System.out.println("X.sum(1) = " + rows(rowSums, 1) + "   // each row summed: 1+2+3, 4+5+6");

// The softmax of a random 2x5 matrix: every entry becomes positive and every row sums to 1.
Random random = new Random(0);
X = new float[2 * 5];
for (int i = 0; i < X.length; i++) {
    X[i] = (float) random.nextGaussian();
}
float[] XProb = new float[2 * 5];
Kernels.softmaxRows(XProb, X, 0, 2, 5);
Kernels.sumRows(rowSums, XProb, 2, 5);
System.out.println("X_prob = softmax(X) = " + rows(XProb, 5) + "   // all positive");
System.out.println("X_prob.sum(1) = " + rows(rowSums, 1) + "   // each row is a probability distribution");

// §3.6.1 and §3.6.3 The model: W ~ N(0, 0.01^2), b = 0. W is stored 10 x 784, the transpose of d2l's W (784, 10).
int numInputs = 784;
int numOutputs = 10;
SoftmaxRegression net = SoftmaxRegression.initialize(numInputs, numOutputs, 0.01f, 42);
float[] x = data.test().scaledImages(0, 2, PixelScaling.UNIT);
float[] netX = new float[2 * numOutputs];
net.probabilities(netX, x, 2);
System.out.println("W: " + net.weight().length + " weights, b: " + net.bias().length + " zeros");
System.out.println("net(X) for two test images = " + rows(netX, numOutputs) + "   // untrained: about 0.1 for every class");

// §3.6.4 Cross-entropy. Two examples, three classes; y holds the true classes.
float[] yHat = {0.1f, 0.3f, 0.6f, 0.3f, 0.2f, 0.5f};
int[] y = {0, 2};
System.out.println("y_hat[[0, 1], y] = [" + yHat[0 * 3 + y[0]] + ", " + yHat[1 * 3 + y[1]]
        + "]   // the probability each example gives its true class");
float[] loss = new float[2];
Kernels.crossEntropy(loss, yHat, y, 0, 2, 3);
System.out.println("cross_entropy(y_hat, y) = " + rows(loss, 2) + "   // -log 0.1 and -log 0.5");

// §3.6.5 Classification accuracy: the first example's largest probability (0.6) is on class 2, not 0.
System.out.printf(Locale.ROOT, "accuracy(y_hat, y) / len(y) = %.4f   // one of the two is right%n",
        Metrics.accuracy(yHat, y, 2, 3));
System.out.printf(Locale.ROOT, "evaluate_accuracy(net, test_iter) = %.4f   // untrained: right by chance, one in ten%n",
        Metrics.evaluateAccuracy(net, data.test(), PixelScaling.UNIT));

// §3.6.6 Training: train_ch3 with batch 256, lr 0.1, 10 epochs; the net above is trained in place.
TrainConfig config = TrainConfig.defaults();
List<EpochStats> history;
try (Trainer trainer = new Trainer(config, Runtime.getRuntime().availableProcessors(), numInputs, numOutputs)) {
    history = trainer.fit(net, data.train(), data.test(), stats -> System.out.printf(Locale.ROOT,
            "epoch %2d: train loss %.4f, train acc %.4f, test acc %.4f%n", stats.epoch(), stats.trainLoss(),
            stats.trainAccuracy(), stats.testAccuracy()));
}
EpochStats last = history.get(history.size() - 1);
System.out.println("d2l's check, train loss < 0.5 and both accuracies > 0.7: " + (last.trainLoss() < 0.5
        && last.trainAccuracy() > 0.7 && last.testAccuracy() > 0.7));

// §3.6.7 Prediction: predict_ch3 on the first 6 test images, true class over predicted class.
Predictions predictions = Predictions.of(net, data.test(), PixelScaling.UNIT);
for (int i = 0; i < 6; i++) {
    System.out.println("test image " + i + ": " + labels.get(predictions.truth(i)) + " / "
            + labels.get(predictions.predicted(i)));
}
// One block, so that "wrote" is printed only if the picture was written (the current folder may be read-only).
Path picture = Path.of("predict_ch3.png");
{
    Png.write(ImageGrid.render("true / predicted", Tiles.predictions(predictions, data.test(), 0, 6, labels), 6),
            picture);
    System.out.println("wrote " + picture + "   // the same six images, wrong ones in red");
}
