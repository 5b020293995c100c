package org.sanrong.matching;

/** Published demands and how many at least one product on the shelf can serve, with the mean best fit. */
public record MatchStatistics(int openDemands, int served, int unserved, int averageBestScore) {
}
