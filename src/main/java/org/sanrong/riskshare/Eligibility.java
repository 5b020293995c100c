package org.sanrong.riskshare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.ProductType;
import org.sanrong.identity.InstitutionType;

/**
 * Whether a loan may be filed into a pool under one scheme version: pure. Answers every rule that fails, in words
 * that name the rule and the loan's value, so a bank sees all problems at once.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** What eligibility looks at, about the loan, its lender and its borrower. */
    public record Candidate(@Nullable InstitutionType institutionType, String productType, long amountFen,
            int termMonths, String enterpriseCreditCode, @Nullable String industryCode, Set<String> qualifications,
            boolean emergingIndustry) {

        public Candidate {
            qualifications = Set.copyOf(qualifications);
        }
    }

    /** Whether the scheme's pool serves the enterprise's area (by its credit code's division code). */
    public static boolean serves(Scheme s, String creditCode) {
        if (s.eligibility().regions().isEmpty()) {
            return true;
        }
        String division = creditCode.length() >= 8 ? creditCode.substring(2, 8) : "";
        return s.eligibility().regions().stream().anyMatch(division::startsWith);
    }

    /** The rules the loan fails, qualifications named by {@code qualificationName}; empty when it may be filed. */
    public static List<String> failedRules(Scheme s, Candidate c,
            java.util.function.Function<String, String> qualificationName) {
        Scheme.Eligibility e = s.eligibility();
        List<String> failed = new ArrayList<>();
        if (!serves(s, c.enterpriseCreditCode())) {
            failed.add("企业注册地不在本资金池服务范围（行政区划 " + String.join("、", e.regions()) + "）");
        }
        if (!e.institutionTypes().isEmpty() && (c.institutionType() == null
                || !e.institutionTypes().contains(c.institutionType().name()))) {
            failed.add("放款机构类型（" + (c.institutionType() == null ? "未知" : label(c.institutionType()))
                    + "）不在本方案合作机构范围（" + e.institutionTypes().stream().map(t -> label(InstitutionType.valueOf(t)))
                            .collect(Collectors.joining("、")) + "）");
        }
        if (!e.productTypes().isEmpty() && !e.productTypes().contains(c.productType())) {
            failed.add("贷款品种“" + productLabel(c.productType()) + "”不在可备案范围（" + e.productTypes().stream()
                    .map(Eligibility::productLabel).collect(Collectors.joining("、")) + "）");
        }
        if (!e.qualificationsAnyOf().isEmpty()) {
            boolean listed = e.qualificationsAnyOf().stream().anyMatch(c.qualifications()::contains)
                    || (e.emergingIndustriesQualify() && c.emergingIndustry());
            if (!listed) {
                failed.add("企业不在白名单：须具备 " + e.qualificationsAnyOf().stream().map(qualificationName)
                        .collect(Collectors.joining("、"))
                        + " 之一的有效资质" + (e.emergingIndustriesQualify() ? "，或属于战略性新兴产业" : ""));
            }
        }
        if (!e.excludedIndustryPrefixes().isEmpty() && c.industryCode() != null
                && e.excludedIndustryPrefixes().stream().anyMatch(c.industryCode()::startsWith)) {
            failed.add("企业所属行业 " + c.industryCode() + " 不在补偿范围（排除 "
                    + String.join("、", e.excludedIndustryPrefixes()) + " 门类）");
        }
        if (e.minAmount() != null && c.amountFen() < Yuan.toFen(e.minAmount())) {
            failed.add("贷款金额 " + Yuan.grouped(c.amountFen()) + " 低于下限 " + Yuan.grouped(Yuan.toFen(e.minAmount())));
        }
        if (e.maxAmount() != null && c.amountFen() > Yuan.toFen(e.maxAmount())) {
            failed.add("贷款金额 " + Yuan.grouped(c.amountFen()) + " 超过上限 " + Yuan.grouped(Yuan.toFen(e.maxAmount())));
        }
        Scheme.Tier top = s.ratio().tiers().getLast();
        if (s.ratio().basis() == Scheme.RatioRules.Basis.LOAN_AMOUNT && top.upTo() != null
                && c.amountFen() > Yuan.toFen(top.upTo())) {
            failed.add("贷款金额 " + Yuan.grouped(c.amountFen()) + " 超过补偿分档上限 " + Yuan.grouped(Yuan.toFen(top.upTo())));
        }
        if (e.maxTermMonths() != null && c.termMonths() > e.maxTermMonths()) {
            failed.add("贷款期限 " + c.termMonths() + " 个月超过 " + e.maxTermMonths() + " 个月");
        }
        return failed;
    }

    /** The features the platform knows of a loan by itself: key-support list and the kind of product. */
    public static Set<LoanFeature> derivedFeatures(Scheme s, String productType, Set<String> qualifications,
            @Nullable String guarantee) {
        Set<LoanFeature> f = EnumSet.noneOf(LoanFeature.class);
        if (Compensation.onKeySupportList(s, qualifications)) {
            f.add(LoanFeature.KEY_SUPPORT_LIST);
        }
        switch (productType) {
            case "IP_PLEDGE_LOAN" -> f.add(LoanFeature.IP_PLEDGE);
            case "RECEIVABLES" -> f.add(LoanFeature.RECEIVABLES_PLEDGE);
            case "GUARANTEE" -> f.add(LoanFeature.GUARANTEED);
            case "CREDIT_LOAN" -> {
                if (guarantee == null || guarantee.isBlank() || guarantee.strip().matches("无|信用|纯信用|无担保")) {
                    f.add(LoanFeature.PURE_CREDIT);
                }
            }
            default -> { }
        }
        return f;
    }

    /** Features a bank may declare when filing (the others come from the registry and the product). */
    public static final Set<LoanFeature> DECLARABLE = EnumSet.of(LoanFeature.MONETARY_TOOL, LoanFeature.FIRST_LOAN,
            LoanFeature.IP_PLEDGE, LoanFeature.INVENTORY_PLEDGE, LoanFeature.GUARANTEED);

    static String productLabel(String code) {
        try {
            return ProductType.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String label(InstitutionType t) {
        return switch (t) {
            case BANK -> "银行";
            case VC_PE_FUND -> "创投/私募基金";
            case GUARANTOR -> "融资担保";
            case INSURER -> "保险";
            case LESSOR -> "融资租赁";
            case MICRO_LENDER -> "小额贷款";
            case FACTOR -> "商业保理";
            case SECURITIES -> "证券";
        };
    }
}
