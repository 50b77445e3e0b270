// "Dive into Deep Learning" §3.7, the concise implementation of softmax regression: one call.
// Run it:            ./softmax4j jshell docs/d2l-3.7.jsh
// Or step by step:   ./softmax4j jshell, then paste the lines, or /open docs/d2l-3.7.jsh

// §3.7.1-§3.7.4 Load the data, initialise W ~ N(0, 0.01^2) and b = 0, train 10 epochs with batch 256 and lr 0.1.
TrainTest data = FashionMnist.load();
Trainer.Result result = Trainer.train(data, TrainConfig.defaults());
for (EpochStats stats : result.epochs()) {
    System.out.printf(Locale.ROOT, "epoch %2d: train loss %.4f, train acc %.4f, test acc %.4f%n", stats.epoch(),
            stats.trainLoss(), stats.trainAccuracy(), stats.testAccuracy());
}

// Save the model in one call, load it back and classify a test image: one block, so that nothing is read back
// if the model could not be saved (the current folder may be read-only); its results stay for later lines.
Path file = Path.of("d2l-3.7.safetensors");
Classifier classifier;
Classifier.Prediction first;
{
    result.save(file);
    classifier = Classifier.load(file);
    first = classifier.classifyPixels(data.test().image(0));
    System.out.printf(Locale.ROOT, "test image 0: %s with probability %.4f, true class %s   // read back from %s%n",
            first.label(), first.probability(), data.dataSet().classNames().get(data.test().label(0)), file);
}

// §3.7.2 Softmax revisited: exp overflows. A float holds up to about 3.4e38, a double up to 1.8e308.
System.out.println("exp(50) = " + (float) Math.exp(50) + "   // still a float");
System.out.println("exp(1000) = " + (float) Math.exp(1000) + "   // overflow: too large even for a double");
System.out.println("exp(-1000) = " + (float) Math.exp(-1000) + "   // underflow: rounds to 0");

// The chapter's softmax as written in §3.6: exp of every logit, then divide by their sum.
float[] naiveSoftmax(float[] o) {
    float[] p = new float[o.length];
    float sum = 0;
    for (int j = 0; j < o.length; j++) {
        p[j] = (float) Math.exp(o[j]);
        sum += p[j];
    }
    for (int j = 0; j < o.length; j++) {
        p[j] /= sum;
    }
    return p;
}

// Logits of one example for three classes, and its true class 1.
float[] o = {1000, 50, -1000};
int[] y = {1};
System.out.println("naive softmax(o) = " + Arrays.toString(naiveSoftmax(o)) + "   // inf / inf is NaN");
float[] p = new float[3];
Kernels.softmaxRows(p, o, 0, 1, 3);
System.out.println("stable softmax(o) = " + Arrays.toString(p) + "   // exp(o - max(o)): at most exp(0) = 1");
float[] loss = new float[1];
Kernels.crossEntropy(loss, p, y, 0, 1, 3);
System.out.println("-log softmax(o)[y] = " + loss[0] + "   // the probability rounded to 0, and -log 0 is infinite");
Kernels.crossEntropyWithLogits(loss, o, y, 0, 1, 3);
System.out.println("cross-entropy from the logits = " + loss[0]
        + "   // log-sum-exp(o) - o[y] = 1000 - 50: finite and exact");
