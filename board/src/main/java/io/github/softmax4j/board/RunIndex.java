package io.github.softmax4j.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.softmax4j.experiment.RunFolder.LeftOut;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/**
 * The runs and sweeps under the board's folder, as last read. {@link #refresh()} walks the folder
 * (run folders at any depth up to {@link #MAX_DEPTH}, without following links), reads only the
 * JSON files that changed, and publishes what differs from the previous reading: a run that
 * appeared or changed, each new epoch, a run that disappeared, a sweep that changed, and the run
 * folders one level deeper than it looks, which it names without showing ({@link #folder()}), looking for them
 * again every {@link #TOO_DEEP_KEPT} only.
 */
final class RunIndex {
    /** Run folders are looked for this many levels below the board's folder. */
    static final int MAX_DEPTH = 3;
    /**
     * How long the names of the run folders too deep to show are kept before the folders at the deepest level are
     * listed again: listing them all is a level of the tree read for a hint, too much for every reading.
     */
    static final Duration TOO_DEEP_KEPT = Duration.ofSeconds(5);

    private final Path root;
    private final EventHub events;
    private final Clock clock;
    private final BiPredicate<Path, OptionalLong> training;
    private final Map<Path, Parsed> parsed = new HashMap<>();
    private volatile Map<String, Run> runs = Map.of();
    private volatile Map<String, Sweep> sweeps = Map.of();
    private volatile Folder folder = new Folder(MAX_DEPTH, List.of());
    private Map<Path, List<String>> tooDeepKept = Map.of();
    private Instant tooDeepRead = Instant.MIN;

    /** A JSON file as read, with the attributes it had then: its document, or why it is damaged (one is null). */
    private record Parsed(Object fileKey, Instant written, long size, JsonNode json, String damaged) {
    }

    RunIndex(Path root, EventHub events, Clock clock, BiPredicate<Path, OptionalLong> training) {
        this.root = root;
        this.events = events;
        this.clock = clock;
        this.training = training;
    }

    /** The runs as last read, by name, in name order. */
    Map<String, Run> runs() {
        return runs;
    }

    /** The sweeps as last read, by name, in name order. */
    Map<String, Sweep> sweeps() {
        return sweeps;
    }

    /** The folder as a whole as last read: the run folders too deep to show. */
    Folder folder() {
        return folder;
    }

    /** Reads the folder again and publishes the differences. */
    synchronized void refresh() {
        Map<String, Run> foundRuns = new TreeMap<>();
        Map<String, Sweep> foundSweeps = new TreeMap<>();
        Map<Path, List<String>> tooDeep = new HashMap<>();
        Map<Path, Parsed> seen = new HashMap<>();
        Instant now = clock.instant();
        if (!now.isBefore(tooDeepRead.plus(TOO_DEEP_KEPT)) || now.isBefore(tooDeepRead)) {
            tooDeepKept = Map.of();
            tooDeepRead = now;
        }
        if (Files.isDirectory(root)) {
            // the folder itself a run, or one that cannot be read (as compare lists it), is named by its own name
            String name = Optional.ofNullable(root.toAbsolutePath().normalize().getFileName())
                    .map(Path::toString).orElse("run");
            if (RunFolder.isRun(root)) {
                readRun(name, root, null, now, seen).ifPresent(run -> foundRuns.put(name, run));
            } else {
                // one the board cannot read is listed, and the runs below it too when it can be searched
                leftOut(root).ifPresent(leftOut -> foundRuns.put(name, RunFolder.unreadable(name, null, leftOut)));
                walk(root, 0, null, now, new Found(foundRuns, foundSweeps, tooDeep), seen);
            }
        }
        parsed.keySet().retainAll(seen.keySet());
        parsed.putAll(seen);
        Map<String, Run> before = runs;
        Map<String, Sweep> sweepsBefore = sweeps;
        runs = Collections.unmodifiableMap(foundRuns);
        sweeps = Collections.unmodifiableMap(foundSweeps);
        publishChanges(before, foundRuns, sweepsBefore, foundSweeps);
        tooDeepKept = tooDeep;
        Folder read = new Folder(MAX_DEPTH, tooDeep.values().stream().flatMap(List::stream).sorted().toList());
        if (!read.equals(folder)) {
            folder = read;
            publish("folder", read);
        }
    }

    /**
     * What a walk finds: runs and sweeps by name, and the names of the run folders too deep to show by the folder
     * at the deepest level that holds them.
     */
    private record Found(Map<String, Run> runs, Map<String, Sweep> sweeps, Map<Path, List<String>> tooDeep) {
    }

    private void walk(Path folder, int depth, String sweep, Instant now, Found found, Map<Path, Parsed> seen) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    children.add(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a folder that vanished or cannot be listed holds no runs for now
            return;
        }
        List<String> sweepRuns = new ArrayList<>();
        for (Path child : children) {
            String name = root.relativize(child).toString().replace('\\', '/');
            boolean isRun = RunFolder.isRun(child);
            Optional<Run> run = isRun ? readRun(name, child, sweep, now, seen)
                    : leftOut(child).map(leftOut -> RunFolder.unreadable(name, sweep, leftOut));
            run.ifPresent(r -> {
                found.runs().put(name, r);
                sweepRuns.add(name);
            });
            // a folder the board cannot read as a run (its metrics.json a folder) may hold runs it can
            if (!isRun && depth + 1 < MAX_DEPTH) {
                boolean isSweep = Files.isRegularFile(child.resolve(RunFolder.SWEEP), LinkOption.NOFOLLOW_LINKS);
                walk(child, depth + 1, isSweep ? name : null, now, found, seen);
            } else if (!isRun) {
                List<String> kept = tooDeepKept.get(child);
                found.tooDeep().put(child, kept != null ? kept : runsIn(child));
            }
        }
        if (sweep != null) {
            Optional<Parsed> file;
            try {
                file = read(folder.resolve(RunFolder.SWEEP), RunFolder.MAX_SWEEP_BYTES, SweepFiles::parse, seen);
            } catch (IOException e) {
                // unreadable: the sweep is listed with its runs, without its summary
                file = Optional.empty();
            }
            // as this version writes it, so that a sweep written before shows its deviations by today's rule
            JsonNode summary = file.map(Parsed::json).map(SweepFiles::current).map(RunIndex::worded).orElse(null);
            sweepRuns.sort(null);
            found.sweeps().put(sweep, new Sweep(sweep, sweepRuns, summary, file.map(Parsed::damaged).orElse(null),
                    Files.isRegularFile(folder.resolve(RunFolder.SWEEP_PICTURE), LinkOption.NOFOLLOW_LINKS), folder));
        }
    }

    // the names of the run folders right inside folder, which is as deep as the walk goes: not shown, only named
    private List<String> runsIn(Path folder) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".") && RunFolder.isRun(entry)) {
                    names.add(root.relativize(entry).toString().replace('\\', '/'));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a folder that vanished or cannot be listed names no runs
        }
        return names;
    }

    // each ranked setting and the winner with its settings in the command line's words, beside the config
    private static JsonNode worded(JsonNode summary) {
        List<JsonNode> places = new ArrayList<>();
        summary.path("ranking").forEach(places::add);
        places.add(summary.path("winner"));
        for (JsonNode place : places) {
            if (place instanceof ObjectNode fields && place.path("config").isObject()) {
                fields.set("settings", Http.JSON.valueToTree(RunFolder.words(place.get("config"))));
            }
        }
        return summary;
    }

    private Optional<Run> readRun(String name, Path folder, String sweep, Instant now, Map<Path, Parsed> seen) {
        try {
            return read(folder.resolve(RunFolder.METRICS), MetricsFiles.MAX_BYTES, MetricsFiles::parse, seen)
                    .map(file -> file.json() == null
                            ? RunFolder.damaged(name, folder, sweep, file.damaged(), file.written())
                            : RunFolder.run(name, folder, sweep, file.json(), file.written(), now, training));
        } catch (IOException e) {
            return leftOut(folder).map(leftOut -> RunFolder.unreadable(name, sweep, leftOut));
        }
    }

    /**
     * Why {@code compare} leaves out {@code folder}, a run folder or one that may be, as one it cannot read
     * ({@link io.github.softmax4j.experiment.RunFolder#leftOut} decides), so that the board lists it with
     * compare's reason; empty when it is gone, is no run folder, or could be read by now (it is read as a run
     * next time, and said damaged then if it is).
     */
    private static Optional<LeftOut> leftOut(Path folder) {
        return io.github.softmax4j.experiment.RunFolder.leftOut(folder)
                .filter(leftOut -> !leftOut.damaged() && !(leftOut.problem() instanceof NoSuchFileException));
    }

    /**
     * The file, read and checked again only if it changed; empty if it is gone. One that is there but
     * cannot be read throws.
     */
    private Optional<Parsed> read(Path file, long maxBytes, RunFolder.Parser parser, Map<Path, Parsed> seen)
            throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant written = attributes.lastModifiedTime().toInstant();
            Parsed previous = parsed.get(file);
            if (previous != null && previous.written().equals(written) && previous.size() == attributes.size()
                    && Objects.equals(previous.fileKey(), attributes.fileKey())) {
                seen.put(file, previous);
                return Optional.of(previous);
            }
            JsonNode json = null;
            String damaged = null;
            try {
                json = RunFolder.readJson(file, maxBytes, parser);
            } catch (IllegalArgumentException e) {
                damaged = e.getMessage();
            }
            Parsed now = new Parsed(attributes.fileKey(), written, attributes.size(), json, damaged);
            seen.put(file, now);
            return Optional.of(now);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void publishChanges(Map<String, Run> before, Map<String, Run> after, Map<String, Sweep> sweepsBefore,
                                Map<String, Sweep> sweepsAfter) {
        for (Run run : after.values()) {
            Run old = before.get(run.name());
            if (old == null || !sameExceptEpochs(old, run) || !old.epochs().equals(
                    run.epochs().subList(0, Math.min(old.epochs().size(), run.epochs().size())))) {
                publish("run", run);
                continue;
            }
            for (JsonNode epoch : run.epochs().subList(old.epochs().size(), run.epochs().size())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("run", run.name());
                data.put("epoch", epoch);
                publish("epoch", data);
            }
        }
        for (String name : before.keySet()) {
            if (!after.containsKey(name)) {
                publish("removed", Map.of("run", name));
            }
        }
        for (Sweep sweep : sweepsAfter.values()) {
            if (!sweep.equals(sweepsBefore.get(sweep.name()))) {
                publish("sweep", sweep);
            }
        }
    }

    private static boolean sameExceptEpochs(Run a, Run b) {
        return a.status().equals(b.status()) && Objects.equals(a.damaged(), b.damaged())
                && Objects.equals(a.unreadable(), b.unreadable()) && Objects.equals(a.remedy(), b.remedy())
                && a.config().equals(b.config()) && Objects.equals(a.selected(), b.selected())
                && Objects.equals(a.model(), b.model()) && a.pictures().equals(b.pictures())
                && a.epochs().size() <= b.epochs().size();
    }

    private void publish(String type, Object data) {
        try {
            events.publish(new Event(type, Http.JSON.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
