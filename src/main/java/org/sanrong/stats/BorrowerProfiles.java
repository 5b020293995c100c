package org.sanrong.stats;

import java.time.YearMonth;
import java.util.Optional;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseFacts;
import org.springframework.stereotype.Component;

/**
 * A borrower's attributes as statistics break them down, read from the enterprise module's public card and facts
 * (town, GB/T 4754 section and division, live qualifications, size) and the credit the borrower has on the platform.
 */
@Component
class BorrowerProfiles {

    /** What a segment records. Unknown town or industry is "-". */
    record Profile(String name, String town, String section, String division, int categories) {

        LoanLedger.Segment from(YearMonth month) {
            return new LoanLedger.Segment(month, town, section, division, categories);
        }
    }

    private final EnterpriseBook enterprises;
    private final StatsProperties properties;

    BorrowerProfiles(EnterpriseBook enterprises, StatsProperties properties) {
        this.enterprises = enterprises;
        this.properties = properties;
    }

    /** The profile now, given the amount of the borrower's live loans on the platform (for the 普惠小微 rule). */
    Profile current(String creditCode, long platformCreditFen) {
        Optional<EnterpriseCard> card = enterprises.card(creditCode);
        Optional<EnterpriseFacts> facts = enterprises.facts(creditCode);
        String industry = facts.map(EnterpriseFacts::industryCode).orElse(null);
        String town = facts.map(EnterpriseFacts::townCode).orElse(null);
        return new Profile(card.map(EnterpriseCard::name).orElse(creditCode), town == null || town.isBlank() ? "-" : town,
                industry == null || industry.isEmpty() ? "-" : industry.substring(0, 1),
                industry == null || industry.length() < 3 ? "-" : industry.substring(0, 3),
                facts.map(f -> categories(f, platformCreditFen)).orElse(0));
    }

    /** The category bits of an enterprise with these facts and this much credit on the platform. */
    int categories(EnterpriseFacts facts, long platformCreditFen) {
        int mask = 0;
        for (int i = 0; i < properties.categories().size(); i++) {
            StatsProperties.Category c = properties.categories().get(i);
            boolean in = c.kinds().stream().anyMatch(facts.qualifications()::contains)
                    || c.sizeRule() && smallOrMicro(facts) && platformCreditFen <= properties.inclusive().maxCreditFen();
            if (in) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /**
     * Small or micro (小型、微型) by the industrial rule of 工信部联企业〔2011〕300号: a medium firm has at least the
     * medium headcount and at least the medium revenue, so fewer staff or less revenue makes it small or micro. With
     * neither figure known it is not counted.
     */
    boolean smallOrMicro(EnterpriseFacts facts) {
        StatsProperties.Inclusive rule = properties.inclusive();
        Integer staff = facts.headcount();
        Long revenue = facts.revenueFen();
        return staff != null && staff < rule.mediumHeadcount() || revenue != null && revenue < rule.mediumRevenueFen();
    }
}
