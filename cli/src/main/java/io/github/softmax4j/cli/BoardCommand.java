package io.github.softmax4j.cli;

import io.github.softmax4j.board.Board;
import io.github.softmax4j.data.FashionMnist;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code softmax4j board [DIR]}: a local web page over the run folders in DIR, until Ctrl-C. */
@Command(name = "board", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a web page over the run folders in DIR (sweeps included): the runs, their curves growing "
                + "as they train, one run's pictures and confusion matrix, sweeps' rankings, and classifying a "
                + "picture you drop or draw. It only reads DIR. Stop it with Ctrl-C.")
final class BoardCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder of run folders (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on, 0 to 65535; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on; anything but loopback lets other machines use the board "
                    + "(default: ${DEFAULT-VALUE}).")
    private String host;

    // its own option, not DataDirOption's: the board never downloads, it only looks
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder with the two Fashion-MNIST test files, which the confusion matrix needs "
                    + "(default: $FASHION_MNIST_DIR, the user cache, /usr/share/datasets/fashion-mnist; the board "
                    + "never downloads them).")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address = checkOptions();
        Board board;
        try {
            board = Board.start(dir, address, dataDir);
        } catch (BindException e) {
            boolean portTaken = String.valueOf(e.getMessage()).contains("in use");
            err.println("softmax4j board: cannot listen on " + host + " port " + port + " (" + e.getMessage() + "); "
                    + (portTaken ? "pass another --port, or --port 0 for any free one"
                    : "pass an --host address of this machine, such as 127.0.0.1"));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (IOException e) {
            err.println("softmax4j board: cannot start the web server (" + e.getMessage() + ")");
            return Softmax4jCli.EXIT_PROBLEM;
        }
        if (!address.getAddress().isLoopbackAddress()) {
            err.println("softmax4j board: warning: listening on " + host + "; anyone who can reach this address can "
                    + "see your runs and use the board");
        }
        out.println("board:   " + board.address() + "  (" + (board.allInterfaces() ? "listening on all interfaces; " : "")
                + "runs in " + dir + "; Ctrl-C to stop)");
        out.flush();
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(board::close));
        try {
            board.awaitStop();
        } finally {
            board.close();
        }
        return 0;
    }

    // sweep writes into sweeps/ as train writes into runs/: a missing sweeps folder wants a sweep
    private static boolean isSweepsFolder(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().equals("sweeps");
    }

    private InetSocketAddress checkOptions() {
        // a file given: the folder it is in, as the user wrote the path
        Path holding = dir.getParent() == null ? Path.of(".") : dir.getParent();
        InputPaths.requireFolder(spec, dir, "DIR", Files.isRegularFile(dir)
                ? "give the folder it is in, " + holding + ", or the folder of your run folders"
                : isSweepsFolder(dir)
                ? "start a sweep first (softmax4j sweep writes into sweeps/) or give the folder of your sweep folders"
                : "start a training run first (softmax4j train writes into runs/) or give the folder of your run "
                        + "folders");
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        DataDirOption.validate(spec, dataDir, FashionMnist.DATA_SET, FashionMnist.DATA_SET.name() + " test files");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host " + host + " is not a known address; "
                    + "give an IP address such as 127.0.0.1");
        }
    }
}
