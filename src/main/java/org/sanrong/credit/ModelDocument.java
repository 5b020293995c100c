package org.sanrong.credit;

import java.util.List;
import org.sanrong.credit.scorecard.FeatureBinning;
import org.sanrong.credit.scorecard.FeatureDecision;
import org.sanrong.credit.scorecard.LogisticFit;
import org.sanrong.credit.scorecard.ModelMetadata;
import org.sanrong.credit.scorecard.PointsTable;
import org.sanrong.credit.scorecard.TrainedScorecard;
import org.sanrong.credit.scorecard.ValidationReport;

/**
 * A trained scorecard as stored (JSON): everything but the points table, which is rebuilt from the model's bins,
 * the fit and the scale, so a stored model scores exactly as it did when trained.
 */
record ModelDocument(ModelMetadata metadata, List<FeatureBinning> binnings, List<FeatureDecision> decisions,
        List<String> model, LogisticFit fit, ValidationReport validation) {

    static ModelDocument of(TrainedScorecard card) {
        return new ModelDocument(card.metadata(), card.binnings(), card.decisions(), card.features(), card.fit(),
                card.validation());
    }

    TrainedScorecard card() {
        List<FeatureBinning> features = model.stream().map(name -> binnings.stream()
                .filter(b -> b.feature().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bins for model feature " + name))).toList();
        return new TrainedScorecard(metadata, binnings, decisions, features, fit,
                PointsTable.of(features, fit, metadata.options().scale()), validation);
    }
}
