package org.sanrong.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanrong.identity.SignedInUser;
import org.sanrong.listing.Enrolment;
import org.sanrong.listing.EnrolmentRule;
import org.sanrong.listing.ListingBoard;
import org.sanrong.listing.ListingFigures;
import org.sanrong.listing.ListingRequests;
import org.sanrong.listing.ListingReserve;
import org.sanrong.listing.Milestone;
import org.sanrong.listing.RequestCategory;
import org.sanrong.listing.ReserveGrade;
import org.sanrong.listing.ReserveQuery;
import org.sanrong.listing.ReserveRow;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Seeds the listing reserve as government and the demo enterprise would: the 专精特新"小巨人" and 瞪羚 enterprises of
 * the synthetic population enrolled by rule, four of them moved along their milestones (one listed on 北交所), and the
 * demo enterprise enrolled by hand, restructured and in tutoring, with its intermediaries, listing figures, a market
 * value estimate and a land request to the finance office; so the board, funnel and portrait show something on the
 * first visit. Skipped when the reserve has anyone or an account is missing.
 */
@Component
@Order(60)
class DemoListing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoListing.class);
    static final byte[] PDF = "%PDF-1.4\n% demo evidence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final ListingReserve reserve;
    private final ListingRequests requests;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;

    DemoListing(ListingReserve reserve, ListingRequests requests, AuthenticationProvider authentication,
            SanrongProperties properties, DatabaseMode databaseMode, Clock clock) {
        this.reserve = reserve;
        this.requests = requests;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        Optional<SignedInUser> gov = signIn("gov");
        Optional<SignedInUser> enterprise = signIn("enterprise");
        if (gov.isEmpty() || enterprise.isEmpty()
                || reserve.search(ReserveQuery.all(), gov.get(), 0, 1).total() > 0) {
            return;
        }
        try {
            seed(gov.get(), enterprise.get());
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.warn("Demo listing reserve not completed: {}", e.getMessage());
        }
    }

    private void seed(SignedInUser gov, SignedInUser founder) {
        LocalDate today = LocalDate.now(clock);
        int byRule = reserve.enrolByRule(new EnrolmentRule(Set.of("LITTLE_GIANT", "GAZELLE"), null, null, null, null,
                ListingBoard.CHINEXT, ReserveGrade.D), gov);
        List<ReserveRow> some = reserve.search(ReserveQuery.all(), gov, 0, 4).items();
        List<ListingBoard> boards = List.of(ListingBoard.BSE, ListingBoard.STAR, ListingBoard.CHINEXT,
                ListingBoard.MAIN);
        for (int i = 0; i < some.size(); i++) {
            String code = some.get(i).creditCode();
            ListingBoard board = boards.get(i);
            if (board != ListingBoard.CHINEXT) {
                reserve.retarget(code, board, "按企业规模与行业定位调整", gov);
            }
            // the first reaches listing, the second the inquiry, the third tutoring, the fourth its restructuring
            int steps = List.of(6, 4, 2, 1).get(i);
            LocalDate on = today.minusDays(40L * steps + 10);
            int done = 0;
            for (Milestone m : board.milestones()) {
                if (done++ >= steps) {
                    break;
                }
                reserve.recordMilestone(code, m, on, null, m.label() + "证明.pdf", PDF, gov);
                on = on.plusDays(40);
            }
        }
        String own = reserve.ownCode(founder).orElseThrow();
        reserve.enrol(new Enrolment(own, ReserveGrade.D, ListingBoard.CHINEXT,
                "松山湖重点培育的智能终端企业，营收连续两年增长逾两成，拟于创业板上市", "东莞证券股份有限公司（演示）",
                "广东莞信律师事务所（演示）", "立信会计师事务所东莞分所（演示）"), gov);
        reserve.recordMilestone(own, Milestone.RESTRUCTURED, today.minusMonths(8), "整体变更为股份有限公司",
                "股改工商变更登记.pdf", PDF, founder);
        reserve.recordMilestone(own, Milestone.TUTORING_FILED, today.minusMonths(2), "广东证监局辅导备案",
                "辅导备案受理函.pdf", PDF, gov);
        int year = today.getYear() - 1;
        reserve.saveFigures(own, List.of(new ListingFigures(year - 1, 38_000_000_00L, 41_000_000_00L,
                new java.math.BigDecimal("14.20")), new ListingFigures(year, 52_000_000_00L, 63_500_000_00L,
                new java.math.BigDecimal("16.85"))), founder);
        reserve.estimateMarketValue(own, 1_800_000_000_00L, today.minusMonths(3), founder);
        requests.departments().stream().findFirst().ifPresent(department -> requests.raise(own, RequestCategory.LAND,
                "拟在松山湖新建研发中心，需协调约30亩工业用地指标并明确用地性质，以便写入招股说明书的募投项目。",
                department.id(), founder));
        log.info("Demo listing reserve seeded: {} enrolled by rule, 4 moved along, the demo enterprise in tutoring",
                byRule);
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
