package org.sanrong.matching;

import org.sanrong.demand.DemandView;

/** An open demand in an institution's inbox, with the institution's product that fits it best. */
public record MatchedDemand(DemandView demand, ProductMatch best) {
}
