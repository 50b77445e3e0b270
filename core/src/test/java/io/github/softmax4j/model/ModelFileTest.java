package io.github.softmax4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @TempDir
    Path dir;

    private static SavedModel sample() {
        SoftmaxRegression model = SoftmaxRegression.initialize(6, 3, 0.5f, 3);
        return new SavedModel(model, CLASSES, PixelScaling.SYMMETRIC, 2, 3, Map.of("learning_rate", "0.1"));
    }

    private Path saved() throws IOException {
        Path path = dir.resolve("model.safetensors");
        ModelFile.save(path, sample());
        return path;
    }

    /** A file with the given header text and data bytes, in safetensors layout. */
    private Path withHeader(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        return Files.write(dir.resolve("hostile.safetensors"), file.array());
    }

    private static String header(String weightShape, String weightOffsets, String biasOffsets) {
        return "{\"__metadata__\":{\"format\":\"" + ModelFile.FORMAT + "\",\"class_names\":\"[\\\"a\\\",\\\"b\\\",\\\"c\\\"]\","
                + "\"input_shape\":\"[2, 3]\",\"pixel_scaling\":\"unit\"},"
                + "\"weight\":{\"dtype\":\"F32\",\"shape\":" + weightShape + ",\"data_offsets\":" + weightOffsets + "},"
                + "\"bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":" + biasOffsets + "}}";
    }

    private String error(Path path) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(path));
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith("; check the path")
                || e.getMessage().endsWith(": the file is cut short or not a softmax4j model; train it again or copy "
                + "it again"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void roundTripKeepsParametersMetadataAndPredictions() throws IOException {
        SavedModel original = sample();
        SavedModel loaded = ModelFile.load(saved());
        assertTrue(original.model().sameParameters(loaded.model()));
        assertEquals(CLASSES, loaded.classNames());
        assertEquals(PixelScaling.SYMMETRIC, loaded.pixelScaling());
        assertEquals(2, loaded.height());
        assertEquals(3, loaded.width());
        assertEquals("0.1", loaded.training().get("learning_rate"));

        Random random = new Random(5);
        float[] x = new float[4 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        float[] expected = new float[4 * 3];
        float[] actual = new float[4 * 3];
        original.model().probabilities(expected, x, 4);
        loaded.model().probabilities(actual, x, 4);
        assertArrayEquals(expected, actual);
    }

    @Test
    void fileIsSafetensorsWithAlignedHeaderAndNnLinearLayout() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong();
        assertEquals(0, headerLength % 8);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"weight\":{\"dtype\":\"F32\",\"shape\":[3,6],\"data_offsets\":[0,72]}"), header);
        assertTrue(header.contains("\"bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[72,84]}"), header);
        assertEquals(8 + headerLength + 84, bytes.length);
        float firstWeight = buffer.position((int) (8 + headerLength)).getFloat();
        assertEquals(sample().model().weight()[0], firstWeight);
    }

    @Test
    void acceptsAHandWrittenValidFile() throws IOException {
        SavedModel loaded = ModelFile.load(withHeader(header("[3,6]", "[0,72]", "[72,84]"), 84));
        assertEquals(6, loaded.model().features());
    }

    @Test
    void aHistoryTableOfAnyLengthIsReadBackAndAHostileOneRefused() throws IOException {
        Path path = dir.resolve("checkpoint.safetensors");
        double[][] table = new double[30_000][];
        for (int i = 0; i < table.length; i++) {
            table[i] = new double[] {i + 1, Math.PI / (i + 1), Double.NaN, 1e-300, -0.0, i, 0.5, Double.MAX_VALUE};
        }
        ModelFile.save(path, sample(), Map.of(), table);
        assertTrue(Files.size(path) > 1 << 20, "more than the header's limit");
        assertTrue(java.util.Arrays.deepEquals(table, ModelFile.loadContents(path).history()));

        byte[] bytes = Files.readAllBytes(path);
        String original = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String[] change : new String[][] {{"[30000,8]", "[99999,8]"}, {"[30000,8]", "[30000,0]"},
                {"\"F64\"", "\"I64\""}, {"[30000,8]", "[8,30000]"}}) {
            assertTrue(original.contains(change[0]), change[0]);
            Files.write(path, original.replace(change[0], change[1]).getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(error(path).contains("tensor 'history'"), change[1]);
        }
    }

    @Test
    void rejectsTooShortFile() throws IOException {
        assertTrue(error(Files.write(dir.resolve("m"), new byte[3])).contains("too short"));
    }

    @Test
    void rejectsHeaderLongerThanTheFile() throws IOException {
        Path path = Files.write(dir.resolve("m"), ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(Long.MAX_VALUE).array());
        assertTrue(error(path).contains("does not fit in the file"));
    }

    @Test
    void rejectsInvalidJson() throws IOException {
        assertTrue(error(withHeader("{\"weight\": [", 0)).contains("not valid JSON"));
    }

    @Test
    void rejectsWrongShape() throws IOException {
        assertTrue(error(withHeader(header("[6,3]", "[0,72]", "[72,84]"), 84)).contains("has shape [6,3]"));
    }

    @Test
    void rejectsOffsetsOutOfRange() throws IOException {
        assertTrue(error(withHeader(header("[3,6]", "[0,72]", "[72,84]"), 80)).contains("data_offsets [72, 84]"));
    }

    @Test
    void rejectsOverlappingTensors() throws IOException {
        assertTrue(error(withHeader(header("[3,6]", "[0,72]", "[60,72]"), 84)).contains("overlap"));
    }

    @Test
    void rejectsMissingTensor() throws IOException {
        String header = header("[3,6]", "[0,72]", "[72,84]").replace("\"bias\"", "\"extra\"");
        assertTrue(error(withHeader(header, 84)).contains("unexpected tensor 'extra'"));
    }

    @Test
    void rejectsOtherFormats() throws IOException {
        String header = header("[3,6]", "[0,72]", "[72,84]").replace(ModelFile.FORMAT, "pytorch");
        assertTrue(error(withHeader(header, 84)).contains("not a softmax4j model"));
    }

    @Test
    void rejectsNonFiniteWeights() throws IOException {
        Path path = saved();
        byte[] bytes = Files.readAllBytes(path);
        int dataStart = bytes.length - 84;
        Arrays.fill(bytes, dataStart, dataStart + 4, (byte) 0xFF);
        Files.write(path, bytes);
        assertTrue(error(path).contains("finite"));
    }

    @Test
    void rejectsMissingFile() {
        assertTrue(error(dir.resolve("absent.safetensors")).contains("file not found"));
    }

    @Test
    void rejectsAnAbsurdHeaderLength() throws IOException {
        byte[] file = new byte[(2 << 20) + 16];
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(2 << 20);
        assertTrue(error(Files.write(dir.resolve("m"), file)).contains("larger than any softmax4j model's"));
    }

    @Test
    void rejectsAnotherDtype() throws IOException {
        String header = header("[3,6]", "[0,72]", "[72,84]").replaceFirst("\"F32\"", "\"F16\"");
        assertTrue(error(withHeader(header, 84)).contains("tensor 'weight' has dtype \"F16\", expected \"F32\""));
    }

    @Test
    void rejectsAMissingBias() throws IOException {
        String header = header("[3,6]", "[0,72]", "[72,84]");
        header = header.substring(0, header.indexOf(",\"bias\"")) + "}";
        assertTrue(error(withHeader(header, 72)).contains("tensor 'bias' is missing"));
    }

    @Test
    void rejectsMetadataThatDoesNotMatchTheTensors() throws IOException {
        String header = header("[3,6]", "[0,72]", "[72,84]").replace("[2, 3]", "[3, 3]");
        assertTrue(error(withHeader(header, 84)).contains("has shape [3,6], expected [3, 9]"));
    }

    @Test
    void controlCharactersInNamesAreNeverHandedToATerminal() throws IOException {
        Path path = dir.resolve("escapes.safetensors");
        SoftmaxRegression model = SoftmaxRegression.initialize(6, 3, 0.5f, 3);
        ModelFile.save(path, new SavedModel(model, List.of("\u001b[2J\u001b[31mred", "b\rc", "\u202eevil"),
                PixelScaling.UNIT, 2, 3, Map.of("init", "x\u001b]0;title\u0007")));
        SavedModel loaded = ModelFile.load(path);
        assertEquals(List.of("\ufffd[2J\ufffd[31mred", "b\ufffdc", "\ufffdevil"), loaded.classNames());
        assertEquals("x\ufffd]0;title\ufffd", loaded.training().get("init"));
    }

    @Test
    void aTextFileGivenAsTheModelIsCalledText() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.safetensors"), "hello world, this is not a model\n");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(notes));
        assertTrue(e.getMessage().endsWith("is a text file, not a model; give a model (a .safetensors file) in its "
                + "place"), e.getMessage());
    }

    @Test
    void aPictureGivenAsTheModelIsCalledAPicture() throws IOException {
        for (String format : List.of("png", "jpeg", "gif", "bmp")) {
            Path picture = dir.resolve("shirt." + format);
            ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), format, picture.toFile());
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(picture));
            String name = format.equals("jpeg") ? "JPEG" : format.toUpperCase(Locale.ROOT);
            assertTrue(e.getMessage().endsWith("is a " + name + " picture, not a model; give a model (a .safetensors "
                    + "file) in its place"),
                    e.getMessage());
        }
    }
}
