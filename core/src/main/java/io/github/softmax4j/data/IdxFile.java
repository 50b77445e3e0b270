package io.github.softmax4j.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of an IDX data set: its uncompressed name, the SHA-256 of its decompressed bytes (the
 * official .gz files and a distribution's recompressed ones agree on these), and, to name it when
 * someone supplies it by mistake, the MD5 of the look-alike data set's .gz file of the same name
 * (null when there is none).
 */
public record IdxFile(String fileName, String sha256, String lookalikeGzipMd5) {
    /** The compressed file name, as mirrors serve it. */
    public String gzipFileName() {
        return fileName + ".gz";
    }

    /** The file in {@code dir}: the .gz if present, else the uncompressed one, else null. */
    public Path find(Path dir) {
        Path gz = dir.resolve(gzipFileName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(fileName);
        return Files.isRegularFile(raw) ? raw : null;
    }
}
