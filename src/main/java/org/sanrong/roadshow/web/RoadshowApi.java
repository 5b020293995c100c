package org.sanrong.roadshow.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.roadshow.InvitationProposal;
import org.sanrong.roadshow.Roadshow;
import org.sanrong.roadshow.RoadshowProgramme;
import org.sanrong.roadshow.RoadshowView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of 路演: events with each one's outcome (every interest and the deal it opened: status, offer, amount
 * invested, as far as the caller may see the deal), announcing, applying with a deck (multipart), registering,
 * selecting, marking held, and marking interest (Idempotency-Key), which answers the deal it opened. Times are China
 * time; money in fen.
 */
@RestController
@RequestMapping("/api/v1/roadshows")
class RoadshowApi {

    private final RoadshowProgramme programme;
    private final IdempotentRequests idempotency;

    RoadshowApi(RoadshowProgramme programme, IdempotentRequests idempotency) {
        this.programme = programme;
        this.idempotency = idempotency;
    }

    /** {@code startsAt} is China local time, e.g. "2026-12-01T14:00". */
    record NewRoadshow(@Nullable String title, @Nullable String theme, Roadshow.@Nullable Format format,
            @Nullable String venue, @Nullable LocalDateTime startsAt, @Nullable List<String> industries,
            int capacity, int presenterSlots) {
    }

    record Selection(boolean select) {
    }

    record Attendance(@Nullable List<UUID> attended) {
    }

    record Interest(@Nullable String creditCode, @Nullable String note) {
    }

    record InterestMarked(UUID dealId, RoadshowView roadshow) {
    }

    /** Every event, newest first, each with its outcome. */
    @GetMapping
    List<RoadshowView> list(@AuthenticationPrincipal SignedInUser user) {
        return programme.list(user);
    }

    @GetMapping("/{id}")
    RoadshowView one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return programme.view(new Roadshow.Id(id), user);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    ResponseEntity<RoadshowView> announce(@RequestBody NewRoadshow body, @AuthenticationPrincipal SignedInUser user) {
        if (body.startsAt() == null) {
            throw new InvalidRequestException("startsAt", "请填写路演时间");
        }
        Roadshow.Id id = programme.announce(new Roadshow.Details(body.title(), body.theme(), body.format(),
                body.venue(), body.startsAt().atZone(RoadshowForms.CHINA).toInstant(),
                body.industries() == null ? List.of() : body.industries(), body.capacity(), body.presenterSlots()),
                user);
        return ResponseEntity.created(URI.create("/api/v1/roadshows/" + id.value()))
                .body(programme.view(id, user));
    }

    /** An enterprise applies: multipart {@code pitch}, {@code amountSoughtFen}, file {@code deck} (PDF). */
    @PostMapping(path = "/{id}/presenters", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<RoadshowView> apply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String pitch,
            @RequestParam(required = false) @Nullable Long amountSoughtFen,
            @RequestParam(required = false) @Nullable MultipartFile deck, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        programme.apply(new Roadshow.Id(id), pitch, amountSoughtFen, deck == null ? null : deck.getOriginalFilename(),
                deck == null ? null : deck.getBytes(), user);
        return ResponseEntity.status(201).body(programme.view(new Roadshow.Id(id), user));
    }

    @PostMapping("/{id}/presenters/{creditCode}/selection")
    RoadshowView select(@PathVariable UUID id, @PathVariable String creditCode, @RequestBody Selection body,
            @AuthenticationPrincipal SignedInUser user) {
        programme.decide(new Roadshow.Id(id), creditCode, body.select(), user);
        return programme.view(new Roadshow.Id(id), user);
    }

    @PostMapping("/{id}/registrations")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<RoadshowView> register(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        programme.register(new Roadshow.Id(id), user);
        return ResponseEntity.status(201).body(programme.view(new Roadshow.Id(id), user));
    }

    @GetMapping("/{id}/proposals")
    List<InvitationProposal> proposals(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return programme.proposals(new Roadshow.Id(id), user);
    }

    @PostMapping("/{id}/held")
    RoadshowView hold(@PathVariable UUID id, @RequestBody Attendance body, @AuthenticationPrincipal SignedInUser user) {
        programme.hold(new Roadshow.Id(id), body.attended() == null ? java.util.Set.of() : new HashSet<>(body.attended()), user);
        return programme.view(new Roadshow.Id(id), user);
    }

    /** An investor that attended marks interest in a presenter; answers 201 with the deal it opened. */
    @PostMapping("/{id}/interests")
    @PreAuthorize("hasRole('INSTITUTION')")
    ResponseEntity<?> interest(@PathVariable UUID id, @RequestBody Interest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":roadshow-interest:" + id, body, () -> {
            UUID deal = programme.markInterest(new Roadshow.Id(id), body.creditCode() == null ? ""
                    : body.creditCode(), body.note(), user);
            return ResponseEntity.created(URI.create("/api/v1/deals/" + deal))
                    .body(new InterestMarked(deal, programme.view(new Roadshow.Id(id), user)));
        });
    }
}
