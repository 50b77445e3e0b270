package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    private static final IdxDataSet DATA_SET = FashionMnist.DATA_SET;
    private static final String ENV_VAR = "FASHION_MNIST_DIR";

    @TempDir
    Path root;

    private Path folderWithFiles(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (IdxDataSet.Part part : IdxDataSet.Part.values()) {
            Files.write(dir.resolve(DATA_SET.file(part).gzipFileName()), new byte[] {1});
        }
        return dir;
    }

    private DataLocator locator(Map<String, String> env, Path cache, Path system) {
        return new DataLocator(DATA_SET, env, cache, system);
    }

    @Test
    void explicitFolderComesFirst() throws IOException {
        Path explicit = folderWithFiles("explicit");
        Path env = folderWithFiles("env");
        DataSource found = locator(Map.of(ENV_VAR, env.toString()), folderWithFiles("cache"),
                folderWithFiles("system")).find(explicit).orElseThrow();
        assertEquals(new DataSource(explicit, "--data-dir"), found);
    }

    @Test
    void thenTheEnvironmentVariable() throws IOException {
        Path env = folderWithFiles("env");
        DataSource found = locator(Map.of(ENV_VAR, env.toString()), folderWithFiles("cache"),
                folderWithFiles("system")).find(null).orElseThrow();
        assertEquals(env, found.dir());
    }

    @Test
    void thenTheCacheThenThePackage() throws IOException {
        Path cache = folderWithFiles("cache");
        Path system = folderWithFiles("system");
        assertEquals(cache, locator(Map.of(), cache, system).find(null).orElseThrow().dir());
        assertEquals(system, locator(Map.of(), root.resolve("empty"), system).find(null).orElseThrow().dir());
    }

    @Test
    void uncompressedFilesCountToo() throws IOException {
        Path dir = Files.createDirectories(root.resolve("raw"));
        for (IdxDataSet.Part part : IdxDataSet.Part.values()) {
            Files.write(dir.resolve(DATA_SET.file(part).fileName()), new byte[] {1});
        }
        assertTrue(DATA_SET.isPresentIn(dir));
    }

    @Test
    void nothingFoundIsEmpty() throws IOException {
        assertEquals(Optional.empty(), locator(Map.of(), root.resolve("a"), root.resolve("b")).find(null));
    }

    @Test
    void anExplicitFolderWithoutTheFilesIsAnErrorNamingTheOption() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> locator(Map.of(), folderWithFiles("cache"), root).find(empty));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void anEnvironmentFolderWithoutTheFilesIsAnErrorNamingTheVariable() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> locator(Map.of(ENV_VAR, root.toString()), root, root).find(null));
        assertTrue(e.getMessage().contains(ENV_VAR), e.getMessage());
    }

    @Test
    void cacheFollowsXdgCacheHomeThenHomeThenThePasswordFilesHome() {
        String passwordHome = "/home/from-passwd";
        assertEquals(Path.of("/xdg/softmax4j/fashion-mnist"),
                DataLocator.cacheDir(DATA_SET, Map.of("XDG_CACHE_HOME", "/xdg", "HOME", "/h"), passwordHome));
        assertEquals(Path.of("/h/.cache/softmax4j/fashion-mnist"),
                DataLocator.cacheDir(DATA_SET, Map.of("HOME", "/h"), passwordHome));
        assertEquals(Path.of("/home/from-passwd/.cache/softmax4j/fashion-mnist"),
                DataLocator.cacheDir(DATA_SET, Map.of(), passwordHome));
        assertEquals(Path.of("/home/from-passwd/.cache/softmax4j/fashion-mnist"),
                DataLocator.cacheDir(DATA_SET, Map.of("XDG_CACHE_HOME", "", "HOME", " "), passwordHome));
    }

    @Test
    void anotherDataSetIsLookedForUnderItsOwnNames() throws IOException {
        IdxDataSet digits = new IdxDataSet("Digits", List.of("zero", "one"), 8, 8, Map.of(
                IdxDataSet.Part.TRAIN_IMAGES, new IdxFile("a-images", "0", null),
                IdxDataSet.Part.TRAIN_LABELS, new IdxFile("a-labels", "1", null),
                IdxDataSet.Part.TEST_IMAGES, new IdxFile("b-images", "2", null),
                IdxDataSet.Part.TEST_LABELS, new IdxFile("b-labels", "3", null)), "nothing",
                new IdxDataSet.Where("DIGITS_DIR", "digits", "no-package", root.resolve("none"),
                        URI.create("http://127.0.0.1/")));
        Path fashion = folderWithFiles("fashion");
        Path dir = Files.createDirectories(root.resolve("digits"));
        for (String name : List.of("a-images", "a-labels", "b-images", "b-labels")) {
            Files.write(dir.resolve(name), new byte[] {1});
        }
        assertEquals(Optional.empty(), new DataLocator(digits, Map.of("FASHION_MNIST_DIR", fashion.toString()),
                fashion, fashion).find(null));
        assertEquals(dir, new DataLocator(digits, Map.of("DIGITS_DIR", dir.toString()), fashion, fashion)
                .find(null).orElseThrow().dir());
        assertEquals(Path.of("/c/softmax4j/digits"), DataLocator.cacheDir(digits, Map.of("XDG_CACHE_HOME", "/c"), "/"));
    }

    @Test
    void aPlaceCountsWhenItHoldsTheFilesTheCommandNeeds() throws IOException {
        Path testOnly = Files.createDirectories(root.resolve("test-only"));
        for (IdxDataSet.Part part : IdxDataSet.Part.TEST) {
            Files.write(testOnly.resolve(DATA_SET.file(part).gzipFileName()), new byte[] {1});
        }
        Path system = folderWithFiles("system");
        assertEquals(testOnly, locator(Map.of(), testOnly, system).find(null, IdxDataSet.Part.TEST).orElseThrow().dir());
        assertEquals(system, locator(Map.of(), testOnly, system).find(null, IdxDataSet.Part.ALL).orElseThrow().dir());
        assertEquals(testOnly, locator(Map.of(ENV_VAR, testOnly.toString()), root, root)
                .find(null, IdxDataSet.Part.TEST).orElseThrow().dir());
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> locator(Map.of(), root, root).find(testOnly, IdxDataSet.Part.ALL));
        assertTrue(e.getMessage().endsWith("does not hold the Fashion-MNIST files train-images-idx3-ubyte.gz "
                + "train-labels-idx1-ubyte.gz; point --data-dir at the folder that holds them"), e.getMessage());
    }

    @Test
    void aVariableNamingNoFolderSaysItDoesNotExist() {
        Path nowhere = root.resolve("nonexistent");
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> locator(Map.of(ENV_VAR, nowhere.toString()), root, root).find(null, IdxDataSet.Part.TEST));
        assertEquals(ENV_VAR + " " + nowhere + " does not exist; set it to the folder that holds the Fashion-MNIST "
                + "files t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz, or unset it", e.getMessage());
    }
}
