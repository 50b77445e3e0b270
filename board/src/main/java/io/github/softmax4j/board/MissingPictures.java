package io.github.softmax4j.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a run folder lacks a picture of {@link RunFolder#PICTURES}, and whether it will come: "not yet"
 * only while the run trains. Training draws the curves as epochs end and the other pictures once the
 * run finishes; a sweep draws none for its runs; a run that diverged or was interrupted gets none
 * until trained again or resumed. The one rule for the picture's 404 and the page.
 */
final class MissingPictures {
    private static final String CURVES = RunFolder.PICTURES.get(0);

    private MissingPictures() {
    }

    /** Pictures missing for one reason: {@code why} names them "it" or "them", as many as they are. */
    record Group(@JsonProperty("pictures") List<String> pictures, @JsonProperty("why") String why) {
    }

    /** Why {@code run} has no {@code picture}: one sentence. */
    static String why(Run run, String picture) {
        return "Run " + run.name() + " has no " + picture + ": " + reason(run, picture).replace("{it}", "it");
    }

    /** The run's missing pictures, grouped by reason, in the order the page shows pictures. */
    static List<Group> of(Run run) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (String picture : RunFolder.PICTURES) {
            if (!run.pictures().contains(picture)) {
                byReason.computeIfAbsent(reason(run, picture), reason -> new ArrayList<>()).add(picture);
            }
        }
        List<Group> groups = new ArrayList<>();
        byReason.forEach((reason, pictures) -> groups.add(new Group(List.copyOf(pictures),
                reason.replace("{it}", pictures.size() == 1 ? "it" : "them"))));
        return groups;
    }

    // the reason, with {it} where the missing pictures are named
    private static String reason(Run run, String picture) {
        if (run.unread()) {
            return run.unreadWhy() + ", so whether training will draw {it} cannot be told; " + run.remedy();
        }
        if (run.divergedAtOnce()) {
            return "the run diverged in its first epoch, so it has no curves and no pictures (training draws "
                    + "none for a run without an epoch); train it again with a smaller --lr";
        }
        if (run.sweep() != null) {
            return "a sweep draws no pictures of its runs, only " + RunFolder.SWEEP_PICTURE + " of the whole sweep, "
                    + "on the sweep's page; ./softmax4j train with the same settings draws a run's pictures";
        }
        boolean curves = CURVES.equals(picture);
        return switch (run.status()) {
            case RunStatus.RUNNING -> curves
                    ? "not drawn yet; training draws the curves as epochs end, at most once a second"
                    : "not drawn yet; training draws {it} when the run finishes";
            case RunStatus.DIVERGED -> curves ? ended()
                    : "the run diverged, and training draws {it} only for a run that finishes; train it again "
                    + "with a smaller --lr";
            case RunStatus.INTERRUPTED -> run.model() != null
                    ? "the run was interrupted before drawing {it}; ./softmax4j train --resume on its folder "
                    + "finishes the run and draws {it}"
                    : "the run was interrupted before its first checkpoint, so it cannot be resumed and nothing "
                    + "will draw {it}; train it again";
            default -> ended();
        };
    }

    private static String ended() {
        return "the run has ended without {it} in its folder (removed since, or never written), and nothing draws "
                + "the pictures of an ended run; train it again to have {it}";
    }
}
