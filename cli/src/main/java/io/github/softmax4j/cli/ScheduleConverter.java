package io.github.softmax4j.cli;

import io.github.softmax4j.train.LearningRateSchedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --lr-schedule constant|cosine|step}. */
final class ScheduleConverter implements ITypeConverter<LearningRateSchedule> {
    @Override
    public LearningRateSchedule convert(String value) {
        try {
            return LearningRateSchedule.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected 'constant', 'cosine' or 'step', got '" + value + "'");
        }
    }
}
