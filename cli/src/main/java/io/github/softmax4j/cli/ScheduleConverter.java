package io.github.softmax4j.cli;

import io.github.softmax4j.train.LearningRateSchedule;
import java.util.List;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --lr-schedule constant|cosine|step}. */
final class ScheduleConverter implements ITypeConverter<LearningRateSchedule> {
    @Override
    public LearningRateSchedule convert(String value) {
        try {
            return LearningRateSchedule.fromId(value);
        } catch (IllegalArgumentException e) {
            List<String> ids = LearningRateSchedule.ALL.stream().map(LearningRateSchedule::id).toList();
            throw BadValue.mustBe(BadValue.either(ids), value);
        }
    }
}
