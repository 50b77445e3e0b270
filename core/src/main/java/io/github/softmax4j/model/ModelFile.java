package io.github.softmax4j.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.TerminalText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The model file: safetensors, which PyTorch, NumPy and others read. Layout: an 8-byte
 * little-endian header length N, N bytes of JSON header (padded with spaces to a multiple of 8),
 * then the raw little-endian tensors: {@code weight} [classes, features] F32 and {@code bias}
 * [classes] F32, as PyTorch's nn.Linear stores them. A checkpoint adds parameter-shaped state
 * after them, each as a pair {@code <name>.weight} and {@code <name>.bias} (an optimizer's
 * velocity, the model kept so far) and may add one table of figures, {@code history} [rows,
 * columns] F64 (a run's epochs), whose size only the file's bounds; readers of the model ignore
 * both. The header's {@code __metadata__} (string
 * values only, as the format requires) holds the class names, the pixel scaling, the input shape
 * and the training configuration. Reading checks every length, offset and shape against the file
 * size before anything is allocated.
 */
public final class ModelFile {
    /** The value of the {@code format} metadata entry. */
    public static final String FORMAT = "softmax4j-softmax-regression";
    // a softmax4j header is about 1 KB; a limit keeps a hostile length from being allocated
    private static final long MAX_HEADER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern STATE_NAME = Pattern.compile("[a-z_]{1,32}");
    private static final int MAX_STATES = 8;
    private static final String TABLE = "history";
    private static final int MAX_TABLE_COLUMNS = 64;

    /**
     * A model file's contents: the model, the named parameter-shaped state a checkpoint adds, and
     * its table of figures (no rows if it has none).
     */
    public record Contents(SavedModel model, Map<String, SoftmaxRegression> state, double[][] history) {
        public Contents {
            state = Map.copyOf(state);
            history = history.clone();
        }

        @Override
        public double[][] history() {
            return history.clone();
        }
    }

    private ModelFile() {
    }

    /** Writes {@code saved} to {@code path} atomically. */
    public static void save(Path path, SavedModel saved) throws IOException {
        save(path, saved, Map.of(), new double[0][]);
    }

    /**
     * Writes {@code saved} and, after its tensors, each entry of {@code state} (shaped like the
     * model) as tensors {@code <name>.weight} and {@code <name>.bias}, then {@code history} (rows
     * of equal length) as the F64 tensor {@code history}, atomically.
     */
    public static void save(Path path, SavedModel saved, Map<String, SoftmaxRegression> state, double[][] history)
            throws IOException {
        int columns = history.length == 0 ? 0 : history[0].length;
        for (double[] row : history) {
            if (row.length != columns || columns > MAX_TABLE_COLUMNS) {
                throw new IllegalArgumentException("history rows need one length of at most " + MAX_TABLE_COLUMNS);
            }
        }
        Map<String, SoftmaxRegression> sets = new LinkedHashMap<>();
        sets.put("", saved.model());
        for (Map.Entry<String, SoftmaxRegression> entry : state.entrySet()) {
            SoftmaxRegression values = entry.getValue();
            if (!STATE_NAME.matcher(entry.getKey()).matches() || values.features() != saved.model().features()
                    || values.classes() != saved.model().classes()) {
                throw new IllegalArgumentException("state '" + entry.getKey() + "' needs a name of a-z and _ and"
                        + " the model's shape");
            }
            sets.put(entry.getKey() + ".", values);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", metadata(saved));
        long offset = 0;
        for (Map.Entry<String, SoftmaxRegression> set : sets.entrySet()) {
            SoftmaxRegression values = set.getValue();
            long weightBytes = (long) values.classes() * values.features() * Float.BYTES;
            long biasBytes = (long) values.classes() * Float.BYTES;
            header.put(set.getKey() + "weight", tensor(List.of(values.classes(), values.features()), offset,
                    offset + weightBytes));
            header.put(set.getKey() + "bias", tensor(List.of(values.classes()), offset + weightBytes,
                    offset + weightBytes + biasBytes));
            offset += weightBytes + biasBytes;
        }
        long tableBytes = (long) history.length * columns * Double.BYTES;
        if (history.length > 0) {
            header.put(TABLE, tensor("F64", List.of(history.length, columns), offset, offset + tableBytes));
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        long total = 8 + padded + offset + tableBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a model file of " + total + " bytes is more than one write can hold");
        }

        ByteBuffer file = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            file.put((byte) ' ');
        }
        for (SoftmaxRegression values : sets.values()) {
            for (float w : values.weightInPlace()) {
                file.putFloat(w);
            }
            for (float b : values.biasInPlace()) {
                file.putFloat(b);
            }
        }
        for (double[] row : history) {
            for (double value : row) {
                file.putDouble(value);
            }
        }
        AtomicFiles.write(path, file.array());
    }

    private static Map<String, String> metadata(SavedModel saved) throws JsonProcessingException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", "1");
        metadata.put("class_names", JSON.writeValueAsString(saved.classNames()));
        metadata.put("pixel_scaling", saved.pixelScaling().id());
        metadata.put("pixel_formula", saved.pixelScaling().formula());
        metadata.put("input_shape", "[" + saved.height() + ", " + saved.width() + "]");
        metadata.put("training", JSON.writeValueAsString(new LinkedHashMap<>(saved.training())));
        return metadata;
    }

    private static Map<String, Object> tensor(List<Integer> shape, long begin, long end) {
        return tensor("F32", shape, begin, end);
    }

    private static Map<String, Object> tensor(String dtype, List<Integer> shape, long begin, long end) {
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("dtype", dtype);
        tensor.put("shape", shape);
        tensor.put("data_offsets", List.of(begin, end));
        return tensor;
    }

    /** Reads and checks a model file; throws {@link ModelFormatException} saying what is wrong. */
    public static SavedModel load(Path path) throws IOException {
        return loadContents(path).model();
    }

    /** Reads and checks a model file with any state a checkpoint added. */
    public static Contents loadContents(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, channel);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(path, "file not found", "check the path");
        }
    }

    // the picture format whose signature a file starts with, or null: a model and a picture given
    // in the wrong order is an easy mistake
    private static String pictureFormat(byte[] start) {
        String ascii = new String(start, 0, 4, StandardCharsets.ISO_8859_1);
        if ((start[0] & 0xFF) == 0x89 && ascii.startsWith("PNG", 1)) {
            return "PNG";
        }
        if ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xD8) {
            return "JPEG";
        }
        if (ascii.startsWith("GIF8")) {
            return "GIF";
        }
        return ascii.startsWith("BM") ? "BMP" : null;
    }

    // printable ASCII with tabs and line ends: no model starts so, since as its header length these
    // bytes would be thousands of terabytes
    private static boolean isText(byte[] start) {
        for (byte b : start) {
            if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Contents read(Path path, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ModelFormatException(path, "too short to be a safetensors file (" + size + " bytes)");
        }
        ByteBuffer start = readFully(path, channel, 0, 8);
        long headerLength = start.getLong(0);
        if (headerLength <= 0 || headerLength > size - 8) {
            String picture = pictureFormat(start.array());
            if (picture != null || isText(start.array())) {
                throw new ModelFormatException(path, picture != null ? "is a " + picture + " picture, not a model"
                        : "is a text file, not a model", "give a model (a .safetensors file) in its place");
            }
            throw new ModelFormatException(path, "header length " + Long.toUnsignedString(headerLength)
                    + " does not fit in the file of " + size + " bytes");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new ModelFormatException(path, "header of " + headerLength
                    + " bytes is larger than any softmax4j model's");
        }
        ByteBuffer headerBytes = readFully(path, channel, 8, (int) headerLength);
        JsonNode header;
        try {
            header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(path, "header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (header == null || !header.isObject()) {
            throw new ModelFormatException(path, "header is not a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataLength = size - dataStart;
        Metadata metadata = Metadata.parse(path, header.get("__metadata__"));
        int classes = metadata.classNames.size();
        int features = metadata.height * metadata.width;

        List<String> prefixes = tensorPrefixes(path, (ObjectNode) header);
        List<long[]> ranges = new ArrayList<>();
        for (String prefix : prefixes) {
            ranges.add(tensorRange(path, header, prefix + "weight", "F32", Float.BYTES, new long[] {classes, features},
                    dataLength));
            ranges.add(tensorRange(path, header, prefix + "bias", "F32", Float.BYTES, new long[] {classes},
                    dataLength));
        }
        long[] tableShape = header.has(TABLE) ? tableShape(path, header.get(TABLE)) : new long[] {0, 0};
        long[] tableRange = null;
        if (header.has(TABLE)) {
            tableRange = tensorRange(path, header, TABLE, "F64", Double.BYTES, tableShape, dataLength);
            ranges.add(tableRange);
        }
        checkLayout(path, ranges, dataLength);
        SoftmaxRegression model = null;
        Map<String, SoftmaxRegression> state = new LinkedHashMap<>();
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            float[] weight = readFloats(path, channel, dataStart + ranges.get(2 * i)[0], classes * features);
            float[] bias = readFloats(path, channel, dataStart + ranges.get(2 * i + 1)[0], classes);
            checkFinite(path, weight, prefix + "weight");
            checkFinite(path, bias, prefix + "bias");
            SoftmaxRegression values = SoftmaxRegression.of(weight, bias, features, classes);
            if (prefix.isEmpty()) {
                model = values;
            } else {
                state.put(prefix.substring(0, prefix.length() - 1), values);
            }
        }
        double[][] history = new double[(int) tableShape[0]][];
        for (int row = 0; row < history.length; row++) {
            history[row] = new double[(int) tableShape[1]];
            long position = dataStart + tableRange[0] + (long) row * tableShape[1] * Double.BYTES;
            readFully(path, channel, position, history[row].length * Double.BYTES).asDoubleBuffer().get(history[row]);
        }
        return new Contents(new SavedModel(model, metadata.classNames, metadata.pixelScaling, metadata.height,
                metadata.width, metadata.training), state, history);
    }

    /**
     * The table's [rows, columns] as its header entry gives them: rows are bounded by the file's
     * size (checked with its data_offsets), columns by a small constant.
     */
    private static long[] tableShape(Path path, JsonNode tensor) throws ModelFormatException {
        JsonNode shape = tensor.isObject() ? tensor.get("shape") : null;
        if (shape == null || !shape.isArray() || shape.size() != 2 || !shape.get(0).canConvertToExactIntegral()
                || !shape.get(1).canConvertToExactIntegral() || shape.get(0).asLong() < 1
                || shape.get(0).asLong() > Integer.MAX_VALUE - 8 || shape.get(1).asLong() < 1
                || shape.get(1).asLong() > MAX_TABLE_COLUMNS) {
            throw new ModelFormatException(path, "tensor '" + TABLE + "' has shape " + shape
                    + ", expected [rows, columns] with 1 to " + MAX_TABLE_COLUMNS + " columns");
        }
        return new long[] {shape.get(0).asLong(), shape.get(1).asLong()};
    }

    /**
     * The parameter sets the header names: "" for the model's weight and bias, then "name." for
     * each pair of state tensors. Anything else is refused.
     */
    private static List<String> tensorPrefixes(Path path, ObjectNode header) throws ModelFormatException {
        List<String> prefixes = new ArrayList<>(List.of(""));
        Iterator<String> names = header.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("__metadata__") || name.equals("weight") || name.equals("bias") || name.equals(TABLE)) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            String set = dot < 0 ? "" : name.substring(0, dot);
            String part = name.substring(dot + 1);
            if (!STATE_NAME.matcher(set).matches() || !part.equals("weight") && !part.equals("bias")) {
                throw new ModelFormatException(path, "unexpected tensor '" + name
                        + "' (a softmax4j model holds 'weight' and 'bias', and a checkpoint '<state>.weight' and"
                        + " '<state>.bias')");
            }
            if (!prefixes.contains(set + ".")) {
                prefixes.add(set + ".");
            }
        }
        if (prefixes.size() > 1 + MAX_STATES) {
            throw new ModelFormatException(path, "holds " + (prefixes.size() - 1) + " state tensor pairs (a softmax4j"
                    + " checkpoint has at most " + MAX_STATES + ")");
        }
        return prefixes;
    }

    /** The tensors must not overlap and must cover the data section exactly. */
    private static void checkLayout(Path path, List<long[]> ranges, long dataLength) throws ModelFormatException {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(range -> range[0]));
        long covered = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i)[0] < sorted.get(i - 1)[1]) {
                throw new ModelFormatException(path, "tensors overlap in the data section");
            }
            covered += sorted.get(i)[1] - sorted.get(i)[0];
        }
        if (covered != dataLength) {
            throw new ModelFormatException(path, "data section has " + dataLength
                    + " bytes but the tensors cover a different amount");
        }
    }

    /** Checks one tensor's entry; returns its [begin, end) byte range within the data section. */
    private static long[] tensorRange(Path path, JsonNode header, String name, String expectedType, int elementBytes,
                                      long[] expectedShape, long dataLength) throws ModelFormatException {
        JsonNode tensor = header.get(name);
        if (tensor == null || !tensor.isObject()) {
            throw new ModelFormatException(path, "tensor '" + name + "' is missing");
        }
        JsonNode dtype = tensor.get("dtype");
        if (dtype == null || !expectedType.equals(dtype.asText())) {
            throw new ModelFormatException(path, "tensor '" + name + "' has dtype " + dtype + ", expected \""
                    + expectedType + "\"");
        }
        JsonNode shape = tensor.get("shape");
        boolean shapeMatches = shape != null && shape.isArray() && shape.size() == expectedShape.length;
        for (int i = 0; shapeMatches && i < expectedShape.length; i++) {
            shapeMatches = shape.get(i).canConvertToExactIntegral() && shape.get(i).asLong() == expectedShape[i];
        }
        if (!shapeMatches) {
            throw new ModelFormatException(path, "tensor '" + name + "' has shape " + shape + ", expected "
                    + Arrays.toString(expectedShape) + " from the metadata's class names and input shape");
        }
        JsonNode offsets = tensor.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
            throw new ModelFormatException(path, "tensor '" + name + "' needs data_offsets [begin, end]");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        long expectedBytes = elementBytes;
        for (long dim : expectedShape) {
            // saturated: any size past the data section is refused, whatever it would be
            long product = expectedBytes * dim;
            expectedBytes = Math.multiplyHigh(expectedBytes, dim) != 0 || product < 0 ? dataLength + 1 : product;
        }
        if (begin < 0 || end > dataLength || end - begin != expectedBytes) {
            throw new ModelFormatException(path, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "], expected " + expectedBytes + " bytes within the data section of " + dataLength + " bytes");
        }
        return new long[] {begin, end};
    }

    private static void checkFinite(Path path, float[] values, String name) throws ModelFormatException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelFormatException(path, "tensor '" + name + "' holds " + values[i] + " at index " + i
                        + " (a usable model has finite parameters)");
            }
        }
    }

    private static ByteBuffer readFully(Path path, FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ModelFormatException(path, "ended while it was read", "another program may be writing it; "
                        + "wait until it is written, then try again");
            }
        }
        return buffer.flip();
    }

    private static float[] readFloats(Path path, FileChannel channel, long position, int count) throws IOException {
        float[] values = new float[count];
        readFully(path, channel, position, count * Float.BYTES).asFloatBuffer().get(values);
        return values;
    }

    /** The parsed {@code __metadata__} entry. */
    private record Metadata(List<String> classNames, PixelScaling pixelScaling, int height, int width,
                            Map<String, String> training) {
        static Metadata parse(Path path, JsonNode node) throws ModelFormatException {
            if (node == null || !node.isObject()) {
                throw new ModelFormatException(path, "header has no __metadata__");
            }
            Map<String, String> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isTextual()) {
                    throw new ModelFormatException(path, "__metadata__ value '" + field.getKey() + "' is not a string");
                }
                values.put(field.getKey(), field.getValue().asText());
            }
            if (!FORMAT.equals(values.get("format"))) {
                throw new ModelFormatException(path, "__metadata__ format is " + quoted(values.get("format"))
                        + ", expected \"" + FORMAT + "\"");
            }
            List<String> names = parseJson(path, values, "class_names", new TypeReference<List<String>>() { });
            if (names.isEmpty() || names.size() > 1000 || names.contains(null)) {
                throw new ModelFormatException(path, "__metadata__ class_names must list 1 to 1000 names");
            }
            List<String> classNames = names.stream().map(TerminalText::of).toList();
            List<Integer> shape = parseJson(path, values, "input_shape", new TypeReference<List<Integer>>() { });
            if (shape.size() != 2 || shape.contains(null) || shape.get(0) <= 0 || shape.get(1) <= 0
                    || (long) shape.get(0) * shape.get(1) > 1 << 20) {
                throw new ModelFormatException(path, "__metadata__ input_shape " + shape + " is not [height, width]");
            }
            PixelScaling scaling;
            try {
                scaling = PixelScaling.fromId(String.valueOf(values.get("pixel_scaling")));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(path, "__metadata__ " + e.getMessage());
            }
            Map<String, Object> trainingJson = values.containsKey("training")
                    ? parseJson(path, values, "training", new TypeReference<Map<String, Object>>() { })
                    : Map.of();
            Map<String, String> training = new LinkedHashMap<>();
            trainingJson.forEach((key, value) -> training.put(TerminalText.of(key),
                    TerminalText.of(String.valueOf(value))));
            return new Metadata(classNames, scaling, shape.get(0), shape.get(1), training);
        }

        private static <T> T parseJson(Path path, Map<String, String> values, String key, TypeReference<T> type)
                throws ModelFormatException {
            String text = values.get(key);
            if (text == null) {
                throw new ModelFormatException(path, "__metadata__ has no " + key);
            }
            try {
                T value = JSON.readValue(text, type);
                if (value == null) {
                    throw new ModelFormatException(path, "__metadata__ " + key + " is null");
                }
                return value;
            } catch (JsonProcessingException e) {
                throw new ModelFormatException(path, "__metadata__ " + key + " is not valid: "
                        + e.getOriginalMessage());
            }
        }

        private static String quoted(String value) {
            return value == null ? "missing" : "\"" + value + "\"";
        }
    }
}
