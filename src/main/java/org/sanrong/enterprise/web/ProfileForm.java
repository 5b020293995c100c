package org.sanrong.enterprise.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.EnterpriseDossier;
import org.sanrong.enterprise.Profile;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.platform.Fen;
import org.sanrong.platform.FormInput;

/**
 * The profile form as typed: money in 万元, counts and dates as text, so a mistake comes back next to its field
 * instead of failing the binding.
 */
record ProfileForm(@Nullable String name, @Nullable String legalForm, @Nullable String registeredOn,
        @Nullable String registeredCapital, @Nullable String townCode, @Nullable String address,
        @Nullable String industryCode, @Nullable List<String> emergingIndustries, @Nullable String headcount,
        @Nullable String inventionPatents, @Nullable String utilityPatents, @Nullable String designPatents,
        @Nullable String softwareCopyrights, @Nullable String trademarks, boolean equityFunded,
        @Nullable String contactName, @Nullable String contactMobile, @Nullable String contactEmail,
        @Nullable String year, @Nullable String revenue, @Nullable String rdExpense, @Nullable String rdStaff) {

    static ProfileForm of(EnterpriseDossier d, int defaultYear) {
        Profile p = d.profile();
        YearlyFigures f = d.latest();
        return new ProfileForm(p.name(), p.legalForm(), p.registeredOn() == null ? null : p.registeredOn().toString(),
                Fen.toWanInput(p.registeredCapitalFen()), p.townCode(), p.address(), p.industryCode(),
                List.copyOf(p.emergingIndustries()), str(p.headcount()), str(p.inventionPatents()),
                str(p.utilityPatents()), str(p.designPatents()), str(p.softwareCopyrights()), str(p.trademarks()),
                p.equityFunded(), p.contactName(), p.contactMobile(), p.contactEmail(),
                Integer.toString(f == null ? defaultYear : f.year()), f == null ? "" : Fen.toWanInput(f.revenueFen()),
                f == null ? "" : Fen.toWanInput(f.rdExpenseFen()), f == null ? "" : str(f.rdStaff()));
    }

    /** The typed values, or the fields that could not be read as what they should be. */
    record Parsed(Profile profile, List<YearlyFigures> figures, Map<String, String> errors) {
    }

    Parsed parse() {
        FormInput in = new FormInput();
        Profile profile = new Profile(trim(name) == null ? "" : trim(name), trim(legalForm),
                in.date("registeredOn", registeredOn), in.wan("registeredCapital", registeredCapital),
                trim(townCode), trim(address), upper(industryCode),
                emergingIndustries == null ? Set.of() : Set.copyOf(emergingIndustries),
                in.integer("headcount", headcount), zero(in.integer("inventionPatents", inventionPatents)),
                zero(in.integer("utilityPatents", utilityPatents)),
                zero(in.integer("designPatents", designPatents)),
                zero(in.integer("softwareCopyrights", softwareCopyrights)),
                zero(in.integer("trademarks", trademarks)), equityFunded, trim(contactName), trim(contactMobile),
                trim(contactEmail));
        Integer y = in.integer("year", year);
        Long rev = in.wan("revenue", revenue);
        Long rd = in.wan("rdExpense", rdExpense);
        Integer staff = in.integer("rdStaff", rdStaff);
        List<YearlyFigures> figures = y == null || (rev == null && rd == null && staff == null) ? List.of()
                : List.of(new YearlyFigures(y, rev, rd, staff));
        return new Parsed(profile, figures, in.errors());
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String upper(@Nullable String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }

    private static int zero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }

    private static String str(@Nullable Integer n) {
        return n == null ? "" : n.toString();
    }
}
