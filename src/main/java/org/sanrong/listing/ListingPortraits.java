package org.sanrong.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseDossier;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.identity.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上市画像 for an enterprise in the reserve: its 企业库 revenue and R&D (read through {@link EnterpriseBook#dossier},
 * so an official's read is audited there) with the figures entered for listing, against its target board or another
 * board asked for, by {@link ListingCriteria}.
 */
@Service
public class ListingPortraits {

    private final ListingReserve reserve;
    private final ListingCriteria criteria;
    private final EnterpriseBook enterprises;

    ListingPortraits(ListingReserve reserve, ListingCriteria criteria, EnterpriseBook enterprises) {
        this.reserve = reserve;
        this.criteria = criteria;
        this.enterprises = enterprises;
    }

    /** The portrait against {@code board}, or the entry's target board when null. */
    @Transactional
    public ListingPortrait portrait(String creditCode, @Nullable ListingBoard board, SignedInUser user) {
        ReserveEntry entry = reserve.readable(creditCode, user);
        String code = entry.enterprise().creditCode();
        EnterpriseDossier dossier = enterprises.dossier(code, user);
        Map<Integer, FinancialYear> years = new TreeMap<>();
        for (YearlyFigures y : dossier.figures()) {
            years.put(y.year(), new FinancialYear(y.year(), y.revenueFen(), y.rdExpenseFen(), null, null, null));
        }
        for (ListingFigures f : reserve.figures(code)) {
            FinancialYear base = years.get(f.year());
            years.put(f.year(), new FinancialYear(f.year(), base == null ? null : base.revenueFen(),
                    base == null ? null : base.rdExpenseFen(), f.netProfitFen(), f.operatingCashFlowFen(),
                    f.roePercent()));
        }
        return ListingPortrait.of(code, entry.enterprise().name(),
                criteria.of(board == null ? entry.board() : board), new ArrayList<>(years.values()),
                entry.marketValueFen(), entry.marketValueOn());
    }

    /** Every board's rules, with their sources, for the page that shows them. */
    public List<BoardRules> rules() {
        return criteria.all();
    }
}
