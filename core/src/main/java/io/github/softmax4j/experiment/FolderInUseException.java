package io.github.softmax4j.experiment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run or sweep folder whose lock another command holds: which folder, which process, and what to
 * do. The message advises the command that chose the folder (wait, stop the other, or choose
 * another folder); one that must have this folder, such as a resume, words its own advice with
 * {@link #refusal}.
 */
public final class FolderInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String folder;
    private final String holder;

    FolderInUseException(Path folder, String holder) {
        super(folder + " is in use by softmax4j process " + holder
                + "; wait for it to end or stop it, or choose another folder");
        this.folder = folder.toString();
        this.holder = holder;
    }

    /** The refusal with {@code whatToDo} as its advice: {@code runs/x is in use by softmax4j process 1234; ...}. */
    public String refusal(String whatToDo) {
        return folder + " is in use by softmax4j process " + holder + "; " + whatToDo;
    }
}
