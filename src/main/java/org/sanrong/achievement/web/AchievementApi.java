package org.sanrong.achievement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.achievement.Achievement;
import org.sanrong.achievement.AchievementContent;
import org.sanrong.achievement.AchievementKind;
import org.sanrong.achievement.AchievementLibrary;
import org.sanrong.achievement.AchievementQuery;
import org.sanrong.achievement.AchievementView;
import org.sanrong.achievement.Intent;
import org.sanrong.achievement.InterestView;
import org.sanrong.achievement.OwnerType;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.ProductMatch;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.Problems;
import org.sanrong.platform.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the 科技成果库. Search is for every signed-in caller; enterprises record and edit their own
 * achievements, government and the operator those of named universities and institutes; enterprises express
 * interest once per achievement. POSTs that create records honour an {@code Idempotency-Key} header.
 */
@RestController
@RequestMapping("/api/v1/achievements")
class AchievementApi {

    private final AchievementLibrary library;
    private final IdempotentRequests idempotency;

    AchievementApi(AchievementLibrary library, IdempotentRequests idempotency) {
        this.library = library;
        this.idempotency = idempotency;
    }

    /** An expression of interest: a message, and optionally which of the offered ways (intents) is meant. */
    record InterestRequest(@Nullable Intent intent, @Nullable String message) {
    }

    /**
     * Published achievements, best first. {@code q}: words that must all occur in title, description, owner or
     * patent number (Chinese by any substring, Latin letters and digits as whole words); {@code industry}: a
     * GB/T 4754 code prefix (C39); {@code trl}: technology readiness level at least this (1-9); {@code intent}:
     * one of LICENSE, TRANSFER, JOINT_DEVELOPMENT, FINANCING; {@code owner}: the owner's exact name.
     */
    @GetMapping
    ResultPage<AchievementView> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable Integer trl,
            @RequestParam(required = false) @Nullable Intent intent,
            @RequestParam(required = false) @Nullable AchievementKind kind,
            @RequestParam(required = false) @Nullable OwnerType ownerType,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize,
            @AuthenticationPrincipal SignedInUser user) {
        return library.search(new AchievementQuery(q, industry, trl, intent, kind, ownerType, owner), user, page,
                pageSize);
    }

    @GetMapping("/{id}")
    AchievementView one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return library.view(new Achievement.Id(id), user);
    }

    /** Everything the caller's organisation recorded, withdrawn ones too. */
    @GetMapping("/mine")
    List<AchievementView> mine(@AuthenticationPrincipal SignedInUser user) {
        return library.managed(user);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'GOV', 'ADMIN')")
    ResponseEntity<?> create(@RequestBody AchievementContent body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":achievement", body, () -> {
            Achievement.Id id = library.record(body, user);
            return ResponseEntity.created(URI.create("/api/v1/achievements/" + id.value()))
                    .body(library.view(id, user));
        });
    }

    @PutMapping("/{id}")
    AchievementView update(@PathVariable UUID id, @RequestBody AchievementContent body,
            @AuthenticationPrincipal SignedInUser user) {
        library.update(new Achievement.Id(id), body, user);
        return library.view(new Achievement.Id(id), user);
    }

    @PostMapping("/{id}/withdrawal")
    AchievementView withdraw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        library.withdraw(new Achievement.Id(id), user);
        return library.view(new Achievement.Id(id), user);
    }

    @PostMapping("/{id}/republication")
    AchievementView republish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        library.republish(new Achievement.Id(id), user);
        return library.view(new Achievement.Id(id), user);
    }

    /** The enterprise expresses interest; 409 when it already did. */
    @PostMapping("/{id}/interests")
    @PreAuthorize("hasRole('ENTERPRISE')")
    ResponseEntity<?> expressInterest(@PathVariable UUID id, @RequestBody InterestRequest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
            @AuthenticationPrincipal SignedInUser user) {
        Achievement.Id achievement = new Achievement.Id(id);
        return idempotency.once(key, user.organisationId() + ":interest:" + id, body, () -> {
            library.expressInterest(achievement, body.intent(), body.message(), user);
            InterestView mine = library.ownInterest(achievement, user).orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/achievements/" + id + "/interests")).body(mine);
        });
    }

    /** The interests in one achievement, for its owner. */
    @GetMapping("/{id}/interests")
    List<InterestView> interests(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return library.interests(new Achievement.Id(id), user);
    }

    /** Interests in everything the caller's organisation recorded. */
    @GetMapping("/interests/received")
    List<InterestView> received(@AuthenticationPrincipal SignedInUser user) {
        return library.interestsReceived(user);
    }

    /** What the caller's enterprise expressed interest in. */
    @GetMapping("/interests/expressed")
    List<InterestView> expressed(@AuthenticationPrincipal SignedInUser user) {
        return library.interestsExpressed(user);
    }

    /**
     * For an enterprise's granted patent: the IP-pledge loans its owner qualifies for, to its owner and government
     * (empty for anyone else); apply at {@code /deals/apply?product=<productId>}.
     */
    @GetMapping("/{id}/pledge-products")
    List<ProductMatch> pledgeProducts(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return library.pledgeProducts(new Achievement.Id(id), user);
    }

    /**
     * A refusal by the module's own rules says why (only the served enterprise rates, only owners edit); a refusal
     * by the role checks keeps the platform's general message.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        String detail = e instanceof AuthorizationDeniedException || e.getMessage() == null ? "当前账号无权执行该操作"
                : e.getMessage();
        return Problems.of(HttpStatus.FORBIDDEN, "无权访问", detail, request);
    }
}
