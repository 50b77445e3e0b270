package io.github.softmax4j.data;

/** A data set's training and test images, read and verified (d2l: load_data_fashion_mnist). */
public record TrainTest(IdxDataSet dataSet, Dataset train, Dataset test) {
}
