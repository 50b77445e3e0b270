// Times preparing a picture as predict and the board do: read the file, find the garment, resize it to
// 28x28 grey levels, light on black. 100 unmeasured rounds, then 500 measured ones, on one core.
// Run from the softmax4j folder: ./softmax4j jshell bench/prepare-picture.jsh
Path picture = Path.of("docs/examples/sneaker.jpg");
for (int i = 0; i < 100; i++) {
    ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(picture), picture.toString());
}
long start = System.nanoTime();
for (int i = 0; i < 500; i++) {
    ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(picture), picture.toString());
}
System.out.printf(Locale.ROOT, "%.2f ms a picture (%s, 500 times)%n", (System.nanoTime() - start) / 500 / 1e6, picture);
