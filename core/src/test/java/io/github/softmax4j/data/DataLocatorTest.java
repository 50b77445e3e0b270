package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path root;

    private Path folderWithFiles(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (FashionMnist.Part part : FashionMnist.Part.values()) {
            Files.write(dir.resolve(part.gzipFileName()), new byte[] {1});
        }
        return dir;
    }

    private DataLocator locator(Map<String, String> env, Path cache, Path system) {
        return new DataLocator(env, cache, system);
    }

    @Test
    void explicitFolderComesFirst() throws IOException {
        Path explicit = folderWithFiles("explicit");
        Path env = folderWithFiles("env");
        DataSource found = locator(Map.of(DataLocator.ENV_VAR, env.toString()), folderWithFiles("cache"),
                folderWithFiles("system")).find(explicit).orElseThrow();
        assertEquals(new DataSource(explicit, "--data-dir"), found);
    }

    @Test
    void thenTheEnvironmentVariable() throws IOException {
        Path env = folderWithFiles("env");
        DataSource found = locator(Map.of(DataLocator.ENV_VAR, env.toString()), folderWithFiles("cache"),
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
        for (FashionMnist.Part part : FashionMnist.Part.values()) {
            Files.write(dir.resolve(part.fileName()), new byte[] {1});
        }
        assertTrue(FashionMnist.isPresentIn(dir));
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
                () -> locator(Map.of(DataLocator.ENV_VAR, root.toString()), root, root).find(null));
        assertTrue(e.getMessage().contains(DataLocator.ENV_VAR), e.getMessage());
    }

    @Test
    void cacheFollowsXdgCacheHome() {
        Path home = Path.of("/home/someone");
        assertEquals(Path.of("/xdg/softmax4j/fashion-mnist"),
                DataLocator.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/xdg"), home));
        assertEquals(home.resolve(".cache/softmax4j/fashion-mnist"), DataLocator.defaultCacheDir(Map.of(), home));
    }
}
