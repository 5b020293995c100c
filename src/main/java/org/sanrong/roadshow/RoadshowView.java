package org.sanrong.roadshow;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A roadshow as its page and the API read it, with what the reader may do: {@code organiser} (manage: select, invite,
 * hold), {@code mayApply} (an enterprise), {@code mayRegister} (a VC/PE investor), {@code mayMarkInterest} (an
 * investor that attended, once held). Applicants other than the selected show to the organiser and government only.
 */
public record RoadshowView(UUID id, String title, String theme, Roadshow.Format format, String venue, Instant startsAt,
        List<String> industries, String organiserName, boolean byGovernment, Roadshow.Status status, int capacity,
        int presenterSlots, @Nullable Instant heldAt, @Nullable String cancelNote, List<Roadshow.Presenter> presenters,
        List<Roadshow.Registration> registrations, int registered, int attended, RoadshowOutcome outcome,
        boolean organiser, @Nullable String ownCreditCode, boolean mayApply,
        Roadshow.@Nullable PresenterStatus ownApplication, boolean mayRegister,
        boolean registeredMe, @Nullable Boolean attendedMe, boolean mayMarkInterest, Set<String> interestsMarked,
        Set<UUID> invited) {

    public boolean open() {
        return status == Roadshow.Status.OPEN;
    }

    public boolean held() {
        return status == Roadshow.Status.HELD;
    }
}
