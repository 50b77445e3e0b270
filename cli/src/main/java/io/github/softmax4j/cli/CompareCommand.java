package io.github.softmax4j.cli;

import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.viz.LeftOutRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code softmax4j compare DIR...}: the ranked table and page of runs that already exist. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rank existing runs: every run folder in or below the given folders (runs of train, "
                + "whole sweeps), grouped by their settings over seeds, as sweep ranks them. Writes a page and a chart.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run folders, or folders holding them (a sweep).")
    private List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "comparison.html",
            description = "The page to write, its name ending in .html, missing folders on its path created; the "
                    + "chart goes beside it as .png (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (Path dir : dirs) {
            InputPaths.requireFolder(spec, dir, "DIR", "give run folders or folders that hold them");
        }
        // the page goes into the current folder unless --out says where
        boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
        String option = outGiven ? "--out" : "the default --out";
        if (!outGiven) {
            OutputFile.requireDefaultWritable(spec, out);
        }
        OutputFile.check(spec, out, option, ".html", "an HTML page (and the chart beside it as .png)");
        // told as the page the user named, which the chart's name comes from
        OutputFile.requireNotRunFile(spec, chart(), option, out + " (its chart " + chart() + ")");
        OutputFile.check(spec, chart(), option, ".png", "a PNG");
        OutputFile.requireNotInUse(spec, option, out, out.toAbsolutePath().getParent(), outGiven ? "choose another folder"
                : "give --out FILE in another folder");
        try {
            List<RunFolder> folders = new ArrayList<>();
            List<RunResult> results = new ArrayList<>();
            List<String> unfinished = new ArrayList<>();
            int running = 0;
            List<Named> damagedRuns = new ArrayList<>();
            List<Named> unreadableRuns = new ArrayList<>();
            // the commands that would continue the runs left out, each once: those not finished, those damaged
            Set<String> resumesUnfinished = new LinkedHashSet<>();
            Set<String> resumesDamaged = new LinkedHashSet<>();
            // a run given twice (compare a a, or a sweep and one of its runs) counts once
            Set<Path> seen = new HashSet<>();
            List<RunFolder> found = new ArrayList<>();
            for (Path dir : dirs) {
                for (RunFolder folder : RunFolder.findAll(dir, leftOut -> {
                    Named named = new Named(leftOut, RunFolder.name(leftOut.dir(), dir));
                    if (leftOut.damaged()) {
                        damagedRuns.add(named);
                        resumesDamaged.add(resume(leftOut.dir()));
                    } else {
                        unreadableRuns.add(named);
                    }
                })) {
                    if (seen.add(folder.dir().toRealPath())) {
                        found.add(folder);
                    }
                }
            }
            // runs in folders of one name (a/run, b/run) are named by their folders, in the table as on the charts
            for (RunFolder folder : RunFolder.namedApart(found)) {
                if (folder.status() == RunStatus.FINISHED || folder.status() == RunStatus.DIVERGED) {
                    folders.add(folder);
                    results.add(RunResult.of(folder));
                } else {
                    unfinished.add(folder.name() + " (" + folder.status().id() + ")");
                    if (folder.status() == RunStatus.RUNNING) {
                        running++;
                    } else {
                        resumesUnfinished.add(resume(folder.dir()));
                    }
                }
            }
            List<String> damaged = namesWithReasons(damagedRuns);
            List<String> unreadable = namesWithReasons(unreadableRuns);
            List<LeftOutRuns> leftOut = new ArrayList<>();
            if (!unfinished.isEmpty()) {
                leftOut.add(new LeftOutRuns("not finished", unfinished, running == unfinished.size()
                        ? "wait for " + (running == 1 ? "it" : "them") + " to finish"
                        : continuing(running, resumesUnfinished, "")));
            }
            if (!damaged.isEmpty()) {
                leftOut.add(new LeftOutRuns(MetricsFiles.JSON_FILE + " is damaged", damaged,
                        continuing(0, resumesDamaged, damaged.size() == 1 ? ", which writes it again"
                                : ", which writes each again")));
            }
            if (!unreadable.isEmpty()) {
                boolean one = unreadable.size() == 1;
                leftOut.add(new LeftOutRuns("cannot be read", unreadable, deniedAll(unreadableRuns)
                        ? "check " + (one ? "its" : "their") + " permissions"
                        : "mend " + (one ? "it as its reason says" : "them as their reasons say")));
            }
            // folder names and what a damaged file holds are shown as text, never as terminal controls
            leftOut.forEach(runs -> stdout.println(TerminalText.of(runs.line())));
            if (results.isEmpty()) {
                String given = dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
                stderr.println("softmax4j compare: " + (unfinished.isEmpty() && damaged.isEmpty() && unreadable.isEmpty()
                        ? "no run folders (folders with a metrics.json) in " + given + "; give folders that "
                                + "softmax4j train or sweep wrote"
                        : "no finished run in " + given + ", only runs " + (damaged.isEmpty() && unreadable.isEmpty()
                                ? "not finished (left out above)" : "left out above") + "; "
                                + nextStep(running, unfinished.size() + damaged.size(), resumesUnfinished,
                                resumesDamaged, unreadableRuns)));
                return Softmax4jCli.EXIT_PROBLEM;
            }
            List<Ranking.Entry> ranking = Ranking.rank(results);
            RankingOutput.print(stdout, ranking);
            Path png = chart();
            RankingOutput.writePage(out, png, "softmax4j comparison of " + results.size()
                    + (results.size() == 1 ? " run" : " runs"), folders, ranking, null, leftOut);
            stdout.printf("%npage:    %s%nchart:   %s%n", out, png);
            return 0;
        } catch (IOException e) {
            stderr.println("softmax4j compare: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    // a run still training is waited for: resuming it is refused while its folder is in use; one
    // command that continues the rest is given as it is typed
    private static String nextStep(int running, int leftOut, Set<String> resumesUnfinished, Set<String> resumesDamaged,
                                   List<Named> unreadable) {
        String finished = "give folders that hold a finished run";
        if (!unreadable.isEmpty() && leftOut == 0) {
            return (deniedAll(unreadable)
                    ? "check the permissions of those that cannot be read, or "
                    : "mend those that cannot be read (each with its reason above), or ") + finished;
        }
        if (running == leftOut) {
            return "wait for " + (running == 1 ? "it" : "them") + " to finish, or " + finished;
        }
        Set<String> resumes = new LinkedHashSet<>(resumesUnfinished);
        resumes.addAll(resumesDamaged);
        return continuing(running, resumes, "") + ", or " + finished;
    }

    // how the runs left out that resumes continue (none of them running) are continued, then what that does:
    // one command as it is typed, or its pattern
    private static String continuing(int running, Set<String> resumes, String which) {
        return "continue " + (resumes.size() == 1 ? (running == 0 ? "with " : "the one not running with ")
                + resumes.iterator().next() : (running == 0 ? "them" : "those not running") + " with "
                + Invocation.command() + " train --resume DIR (a sweep's with sweep --resume)") + which;
    }

    // whether every run that cannot be read is kept from compare by its permissions
    private static boolean deniedAll(List<Named> unreadable) {
        return unreadable.stream().allMatch(run -> run.leftOut().problem() instanceof AccessDeniedException);
    }

    // the command that continues the run in dir: its sweep's resume for a sweep's run
    private static String resume(Path dir) {
        return Sweep.holding(dir).map(SweepCommand::resumeCommand).orElseGet(() -> TrainCommand.resumeCommand(dir));
    }

    /** The chart's file: the page's name with .png for .html. */
    private Path chart() {
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - ".html".length()) + ".png");
    }

    // each run left out by its name, those named alike (a/run, b/run given one by one) by as much of their
    // folders as tells them apart, as the table names runs, sorted; with what is wrong
    private static List<String> namesWithReasons(List<Named> runs) {
        List<String> apart = RunFolder.namedApart(runs.stream().map(run -> run.leftOut().dir()).toList(),
                runs.stream().map(Named::name).toList());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < apart.size(); i++) {
            lines.add(apart.get(i) + " (" + runs.get(i).leftOut().reason() + ")");
        }
        lines.sort(null);
        return lines;
    }

    // a run left out, with its name as found under the folder given
    private record Named(RunFolder.LeftOut leftOut, String name) {
    }
}
