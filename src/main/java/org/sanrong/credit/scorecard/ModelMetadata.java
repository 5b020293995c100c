package org.sanrong.credit.scorecard;

import java.time.LocalDate;

/** What a model was trained from and with: the label it goes by, the data, the target rule, the options. */
public record ModelMetadata(String version, LocalDate trainedOn, String source, String target, String badRule,
        int rows, int unlabelledRows, int trainRows, int holdoutRows, int bads, int candidates,
        TrainingOptions options) {
}
