package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PictureBomb;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.Classifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictCommandTest {
    @TempDir
    Path dir;

    private static BufferedImage image(byte[] pixels, int zoom, boolean onLightBackground) {
        BufferedImage image = new BufferedImage(28 * zoom + 40, 28 * zoom + 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int px = (x - 20) / zoom;
                int py = (y - 20) / zoom;
                boolean inside = x >= 20 && y >= 20 && px < 28 && py < 28;
                int v = inside ? pixels[py * 28 + px] & 0xFF : 0;
                v = onLightBackground ? 255 - v : v;
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static BufferedImage exact(byte[] pixels) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, 28, 28, pixels);
        return image;
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void aTestImageAsPngEnlargedOrInvertedGetsTheClassOfTheOriginal() throws IOException {
        Dataset test = RealData.load().test();
        Classifier classifier = Classifier.load(TrainedModel.model());
        List<String> args = new ArrayList<>(List.of("predict", TrainedModel.model().toString(), "--json"));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40 && expected.size() < 3 * 8; i++) {
            Classifier.Prediction original = classifier.classifyPixels(test.image(i));
            if (original.probability() < 0.8) {
                continue;
            }
            for (int variant = 0; variant < 3; variant++) {
                BufferedImage picture = variant == 0 ? exact(test.image(i)) : image(test.image(i), 4, variant == 2);
                Path file = dir.resolve("test-" + i + "-" + variant + ".png");
                ImageIO.write(picture, "png", file.toFile());
                args.add(file.toString());
                expected.add(original.classIndex());
            }
        }
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(expected.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(expected.get(i).intValue(), lines.get(i).get("class_index").asInt(), lines.get(i).toString());
        }
    }

    @Test
    void jsonHasTheDocumentedFields() throws IOException {
        Path png = dir.resolve("one.png");
        ImageIO.write(exact(RealData.load().test().image(3)), "png", png.toFile());
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), png.toString(), "--json", "--top", "4");
        JsonNode line = jsonLines(run.out()).get(0);
        assertEquals(png.toString(), line.get("input").asText());
        assertTrue(line.get("label").isTextual() && line.get("class_index").isInt() && line.get("probability").isDouble());
        assertEquals(4, line.get("top").size());
        JsonNode first = line.get("top").get(0);
        assertEquals(line.get("label").asText(), first.get("label").asText());
        assertEquals(line.get("class_index").asInt(), first.get("class_index").asInt());
        assertTrue(first.get("probability").asDouble() >= line.get("top").get(1).get("probability").asDouble());
    }

    @Test
    void aBadFileIsReportedAndTheOthersAreStillClassified() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", good.toFile());
        Path text = Files.writeString(dir.resolve("notes.jpg"), "hello");
        Path missing = dir.resolve("missing.png");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), text.toString(), good.toString(), missing.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(good + ": "), run.out());
        List<String> errors = run.err().lines().toList();
        assertEquals(2, errors.size(), run.err());
        assertTrue(errors.get(0).contains(text + ": not an image"), errors.get(0));
        assertTrue(errors.get(1).contains(missing + ": file not found"), errors.get(1));
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void fileNamesCannotDriveTheTerminal() throws IOException {
        Path good = dir.resolve("evil\u001b[31mred\rX.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", good.toFile());
        Path bad = Files.writeString(dir.resolve("w\u001b[2Jhite.jpg"), "hello");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), good.toString(), bad.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(dir.resolve("evil\uFFFD[31mred\uFFFDX.png") + ": "), run.out());
        assertTrue(run.err().contains(dir.resolve("w\uFFFD[2Jhite.jpg") + ": not an image"), run.err());
        assertFalse(run.out().contains("\u001b") || run.out().contains("\r"), run.out());
        assertFalse(run.err().contains("\u001b") || run.err().contains("\r"), run.err());
    }

    @Test
    void aPictureBombIsRejectedOnOneLine() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), PictureBomb.png(40000, 40000));
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), bomb.toString());
        assertEquals(1, run.exitCode());
        assertEquals("softmax4j predict: " + bomb + ": 40000x40000 pixels is more than the 50 megapixels this tool "
                + "reads; scale the picture down", run.err().strip());
    }

    @Test
    void withJsonEveryInputGetsOneLineOnStdoutEvenWhenItCannotBeRead() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", good.toFile());
        Path text = Files.writeString(dir.resolve("notes.jpg"), "hello");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), text.toString(), good.toString(),
                "--test-index", "1", "--json");
        assertEquals(1, run.exitCode());
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(3, lines.size(), run.out());
        assertEquals(text.toString(), lines.get(0).get("input").asText());
        assertTrue(lines.get(0).get("error").asText().contains("not an image"), run.out());
        assertEquals(good.toString(), lines.get(1).get("input").asText());
        assertFalse(lines.get(1).has("error"));
        assertEquals("test:1", lines.get(2).get("input").asText());
        assertEquals("Pullover", lines.get(2).get("true_label").asText());
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("softmax4j predict: ")).count(), run.err());
    }

    @Test
    void aTestIndexPastTheLastImageIsABadOptionAndNothingIsClassified() throws IOException {
        Path good = dir.resolve("good.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", good.toFile());
        Path seen = dir.resolve("seen");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), good.toString(), "--test-index", "10000",
                "--data-dir", RealData.dir().toString(), "--save-input", seen.toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of("softmax4j predict: --test-index must be between 0 and 9999, the last of the 10000 test images, "
                + "got 10000", "Usage: softmax4j predict [OPTIONS] MODEL [IMAGE...]",
                "Run 'softmax4j predict --help' for all options."), run.err().lines().toList(), run.err());
        assertFalse(run.out().contains(good.toString()), run.out());
        assertFalse(Files.exists(seen));
    }

    @Test
    void testImagesByIndexNeedOnlyTheTestFiles() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (IdxDataSet.Part part : IdxDataSet.Part.values()) {
            Path source = FashionMnist.DATA_SET.find(part, RealData.dir());
            if (part == IdxDataSet.Part.TRAIN_IMAGES) {
                Files.write(data.resolve(source.getFileName()), new byte[] {1, 2, 3});
            } else {
                Files.createSymbolicLink(data.resolve(source.getFileName()), source);
            }
        }
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), "--test-index", "0", "--data-dir",
                data.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("10000 test images, checksums verified"), run.out());
        assertTrue(run.out().contains("; true class Ankle boot"), run.out());
    }

    @Test
    void imageFilesNeedNoDataFolderAndOnlyATestIndexChecksIt() throws IOException {
        Path png = dir.resolve("one.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", png.toFile());
        String missing = dir.resolve("no-data").toString();
        CliRun files = CliRun.of("predict", TrainedModel.model().toString(), png.toString(), "--data-dir", missing);
        assertEquals(0, files.exitCode(), files.err());
        assertTrue(files.out().startsWith(png + ": "), files.out());
        CliRun index = CliRun.of("predict", TrainedModel.model().toString(), png.toString(), "--test-index", "0",
                "--data-dir", missing);
        assertEquals(2, index.exitCode(), index.err());
        assertTrue(index.err().contains("--data-dir " + missing + " does not exist; "), index.err());
        assertEquals("", index.out());
    }

    @Test
    void belowTheMinimumConfidenceTheAnswerIsUnsure() throws IOException {
        Path png = dir.resolve("one.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", png.toFile());
        CliRun text = CliRun.of("predict", TrainedModel.model().toString(), png.toString(), "--min-confidence", "1");
        assertTrue(text.out().contains(": unsure (best guess ") && text.out().contains(" is below --min-confidence 1)"),
                text.out());
        CliRun json = CliRun.of("predict", TrainedModel.model().toString(), png.toString(), "--min-confidence", "1", "--json");
        JsonNode line = jsonLines(json.out()).get(0);
        assertEquals("unsure", line.get("label").asText());
        assertTrue(line.get("class_index").isNull());
    }

    @Test
    void savesTheInputTheModelSawAndClassifiesTestImagesByIndex() throws IOException {
        Path seen = dir.resolve("seen");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), "--test-index", "7", "--save-input",
                seen.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        Classifier.Prediction expected = Classifier.load(TrainedModel.model()).classifyPixels(RealData.load().test().image(7));
        assertTrue(run.out().contains("test:7: " + expected.label() + " "), run.out());
        // test image 7 is a shirt, which the model takes for a coat
        assertTrue(run.out().strip().endsWith("; true class Shirt (wrong)"), run.out());
        BufferedImage saved = ImageIO.read(seen.resolve("test-7-28x28.png").toFile());
        assertEquals(28, saved.getWidth());
        assertEquals(28, saved.getHeight());
    }

    @Test
    void noSaveInputFolderIsMadeWhenNoInputCanBeRead() {
        Path seen = dir.resolve("new").resolve("seen");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), dir.resolve("nothere.png").toString(),
                "--save-input", seen.toString());
        assertEquals(Softmax4jCli.EXIT_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("nothere.png: file not found"), run.err());
        assertFalse(Files.exists(dir.resolve("new")), "no folder left behind");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--top|0|--top must be > 0",
        "--top|11|--top must be between 1 and 10",
        "--min-confidence|1.5|--min-confidence must be between 0 and 1",
        "--test-index|-2|--test-index must be >= 0",
    })
    void rejectsABadOptionWithExitCode2(String option, String value, String message) {
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), "shoe.png", option, value);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void needsSomethingToClassifyAndAModelFile() {
        CliRun nothing = CliRun.of("predict", TrainedModel.model().toString());
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("give at least one IMAGE or --test-index N"), nothing.err());
        CliRun noModel = CliRun.of("predict", dir.resolve("none.safetensors").toString(), "x.png");
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains(" does not exist; "), noModel.err());
    }

    @Test
    void bombsOfEveryFormatAreRefusedOnOneLineEachAndTheOtherPicturesAreClassified() throws IOException {
        Path ok = dir.resolve("ok.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", ok.toFile());
        List<String> args = new ArrayList<>(List.of("predict", TrainedModel.model().toString()));
        List<Path> bombs = new ArrayList<>(List.of(Files.write(dir.resolve("bomb.png"), PictureBomb.png(40000, 40000))));
        for (String format : List.of("jpeg", "gif", "bmp")) {
            bombs.add(Files.write(dir.resolve("bomb." + format), PictureBomb.claiming(format, 40000, 40000)));
        }
        bombs.add(Files.write(dir.resolve("liar.png"), PictureBomb.png(2000, 2000)));
        bombs.forEach(bomb -> args.add(bomb.toString()));
        args.add(ok.toString());
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith(ok + ": "), run.out());
        List<String> errors = run.err().lines().toList();
        assertEquals(bombs.size(), errors.size(), run.err());
        for (int i = 0; i < bombs.size(); i++) {
            assertTrue(errors.get(i).startsWith("softmax4j predict: " + bombs.get(i) + ": "), errors.get(i));
        }
        assertFalse(run.err().contains("Exception") || run.err().contains("Integer.MAX_VALUE"), run.err());
    }

    @Test
    void aBlankPictureGetsNoAnswerAndCountsAsAnError() throws IOException {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path ok = dir.resolve("ok.png");
        ImageIO.write(exact(RealData.load().test().image(0)), "png", ok.toFile());
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), blank.toString(), ok.toString(), "--json");
        assertEquals(1, run.exitCode());
        List<JsonNode> lines = jsonLines(run.out());
        assertTrue(lines.get(0).get("error").asText().startsWith(blank + ": no garment found"), run.out());
        assertTrue(lines.get(1).get("label").isTextual(), run.out());
        assertEquals("softmax4j predict: " + blank + ": no garment found", run.err().strip().split(",")[0]);
    }

    @Test
    void inputsSharingANameAreSavedToFilesOfTheirOwn() throws IOException {
        Dataset test = RealData.load().test();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path folder = Files.createDirectories(dir.resolve("from-" + i));
            inputs.add(folder.resolve(i == 2 ? "shirt.jpg" : "shirt.png"));
            ImageIO.write(exact(test.image(i)), i == 2 ? "jpeg" : "png", inputs.get(i).toFile());
        }
        Path seen = dir.resolve("seen");
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), inputs.get(0).toString(),
                inputs.get(1).toString(), inputs.get(2).toString(), "--save-input", seen.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = jsonLines(run.out());
        List<String> names = List.of("shirt-28x28.png", "shirt-2-28x28.png", "shirt-3-28x28.png");
        for (int i = 0; i < 3; i++) {
            assertEquals(seen.resolve(names.get(i)).toString(), lines.get(i).get("saved_input").asText());
        }
        for (int i = 0; i < 2; i++) {
            byte[] saved = new byte[784];
            ImageIO.read(seen.resolve(names.get(i)).toFile()).getRaster().getDataElements(0, 0, 28, 28, saved);
            assertArrayEquals(test.image(i), saved, names.get(i));
        }
    }

    @Test
    void aTestImageWhoseSavedInputCannotBeWrittenFailsAloneAndTheNextOnesAreStillAnswered() throws IOException {
        Path seen = Files.createDirectories(dir.resolve("seen"));
        Files.createDirectory(seen.resolve("test-4-28x28.png"));
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), "--test-index", "3", "--test-index", "4",
                "--test-index", "5", "--save-input", seen.toString(), "--json");
        assertEquals(1, run.exitCode());
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).get("label").isTextual(), run.out());
        assertTrue(lines.get(1).get("error").asText().contains("test-4-28x28.png"), run.out());
        assertEquals("test:5", lines.get(2).get("input").asText(), run.out());
        assertTrue(lines.get(2).get("label").isTextual(), run.out());
        assertTrue(Files.isRegularFile(seen.resolve("test-5-28x28.png")));
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("softmax4j predict: ")).count(), run.err());
    }
}
