package org.sanrong.roadshow;

import java.util.List;
import java.util.UUID;

/**
 * Whom matching proposes to invite, with why: an investor (a VC/PE fund whose equity products fit the presenters) or
 * an enterprise (from the listing reserve, in the event's industries, that the registered investors' products fit).
 * {@code score} ranks them (the sum of the best fit per presenter, or per registered investor).
 */
public record InvitationProposal(Kind kind, UUID organisationId, String name, int score, List<String> reasons,
        boolean alreadyIn, boolean invited) {

    public enum Kind { INVESTOR, ENTERPRISE }
}
