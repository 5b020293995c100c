package org.sanrong.listing.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.listing.Enrolment;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.ListingFigures;
import org.sanrong.listing.ListingPortrait;
import org.sanrong.listing.ListingPortraits;
import org.sanrong.listing.ListingReserve;
import org.sanrong.listing.Milestone;
import org.sanrong.listing.ReserveEntry;
import org.sanrong.listing.ReserveEntryView;
import org.sanrong.listing.ReserveGrade;
import org.sanrong.listing.ReserveQuery;
import org.sanrong.listing.ReserveRow;
import org.sanrong.platform.IdempotentRequests;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of the listing reserve: the reserve (grade, target board, latest milestone), one entry, its listing
 * portrait, enrolment by hand (Idempotency-Key) and a milestone with its evidence (multipart). Money in fen, dates ISO.
 */
@RestController
@RequestMapping("/api/v1/listing/reserve")
class ListingApi {

    private final ListingReserve reserve;
    private final ListingPortraits portraits;
    private final IdempotentRequests idempotency;

    ListingApi(ListingReserve reserve, ListingPortraits portraits, IdempotentRequests idempotency) {
        this.reserve = reserve;
        this.portraits = portraits;
        this.idempotency = idempotency;
    }

    /** The reserve for government, filtered by grade, target board, latest milestone, town, name or code. */
    @GetMapping
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResultPage<ReserveRow> reserve(@RequestParam(required = false) @Nullable ReserveGrade grade,
            @RequestParam(required = false) @Nullable ListingBoard board,
            @RequestParam(required = false) @Nullable Milestone milestone,
            @RequestParam(required = false) @Nullable String town, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) ReserveEntry.@Nullable Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int pageSize,
            @AuthenticationPrincipal SignedInUser user) {
        return reserve.search(new ReserveQuery(grade, board, milestone, town, q, status), user, Math.max(0, page),
                ResultPage.sizeOf(pageSize));
    }

    /** One entry with its milestones and log, for government and the enterprise itself. */
    @GetMapping("/{creditCode}")
    ReserveEntryView entry(@PathVariable String creditCode, @AuthenticationPrincipal SignedInUser user) {
        return reserve.view(creditCode, user);
    }

    /** 上市画像 against the target board, or {@code board} when given. */
    @GetMapping("/{creditCode}/portrait")
    ListingPortrait portrait(@PathVariable String creditCode,
            @RequestParam(required = false) @Nullable ListingBoard board, @AuthenticationPrincipal SignedInUser user) {
        return portraits.portrait(creditCode, board, user);
    }

    /** Enrols an enterprise by hand: {@code {"creditCode", "grade"?, "board"?, "reason", "sponsor"?, ...}}. */
    @PostMapping
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    ResponseEntity<?> enrol(@RequestBody Enrolment body, @RequestHeader(name = IdempotentRequests.HEADER,
            required = false) @Nullable String key, @AuthenticationPrincipal SignedInUser user) {
        return idempotency.once(key, user.organisationId() + ":listing-enrol", body, () -> {
            reserve.enrol(body, user);
            String code = body.creditCode().strip().toUpperCase(java.util.Locale.ROOT);
            return ResponseEntity.created(URI.create("/api/v1/listing/reserve/" + code)).body(reserve.view(code, user));
        });
    }

    record MarketValue(@Nullable Long marketValueFen, @Nullable LocalDate on) {
    }

    /** The figures the listing rules need beyond the 企业库's, year by year (a year with none given is deleted). */
    @PutMapping("/{creditCode}/figures")
    ReserveEntryView figures(@PathVariable String creditCode, @RequestBody java.util.List<ListingFigures> body,
            @AuthenticationPrincipal SignedInUser user) {
        reserve.saveFigures(creditCode, body, user);
        return reserve.view(creditCode, user);
    }

    /** The market-value estimate (unlisted firms have no market price), in fen, dated. */
    @PutMapping("/{creditCode}/market-value")
    ReserveEntryView marketValue(@PathVariable String creditCode, @RequestBody MarketValue body,
            @AuthenticationPrincipal SignedInUser user) {
        reserve.estimateMarketValue(creditCode, body.marketValueFen(), body.on(), user);
        return reserve.view(creditCode, user);
    }

    /** Records a milestone: multipart {@code milestone}, {@code reachedOn}, {@code note}?, file {@code evidence}. */
    @PostMapping(path = "/{creditCode}/milestones", consumes = "multipart/form-data")
    ResponseEntity<ReserveEntryView> milestone(@PathVariable String creditCode,
            @RequestParam(required = false) @Nullable String milestone,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate reachedOn,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable MultipartFile evidence,
            @AuthenticationPrincipal SignedInUser user) throws IOException {
        Milestone m = Milestone.parse(milestone);
        if (milestone != null && m == null) {
            throw new InvalidRequestException("milestone", "未知的里程碑：" + milestone);
        }
        reserve.recordMilestone(creditCode, m, reachedOn, note, evidence == null ? null
                : evidence.getOriginalFilename(), evidence == null ? null : evidence.getBytes(), user);
        return ResponseEntity.status(201).body(reserve.view(creditCode, user));
    }
}
