package org.sanrong.credit;

import java.util.Map;
import java.util.Set;

/**
 * 科创能力评分 (innovation capability), 0–100, from four parts with fixed, documented weights — not a fitted model:
 *
 * <pre>
 * 知识产权 IP            35 = invention patents  min(20, 5·log2(1 + n))
 *                          + other IP (utility, design, software)  min(10, 2.5·log2(1 + n))
 *                          + new IP in 24 months  min(5, 2.5·log2(1 + n))
 * 研发投入 R&amp;D           30 = intensity  min(20, 2 × R&amp;D/revenue in %)      (10% or more: 20)
 *                          + R&amp;D expense  min(10, 10/3 · log10(1 + 万元))   (999万元 or more: 10)
 * 人才 talent            15 = min(15, 0.5 × R&amp;D staff share in %)            (30% or more: 15)
 * 资质 qualifications     20 = live qualifications, capped at 20: 高新技术企业 8, 专精特新 5, "小巨人" +4,
 *                          单项冠军 6, 独角兽 6, 瞪羚 4, 科技型中小企业 3, 重大科技项目 3, 科技人才创业 3
 * </pre>
 *
 * Parts are kept to one decimal; the score is their sum rounded to a whole number. Missing inputs count 0.
 */
public record InnovationScore(int total, double ip, double rd, double talent, double qualifications) {

    static final Map<String, Integer> QUALIFICATION_POINTS = Map.of("HIGH_TECH", 8, "SRDI_SME", 5, "LITTLE_GIANT", 4,
            "SINGLE_CHAMPION", 6, "UNICORN", 6, "GAZELLE", 4, "TECH_SME", 3, "MAJOR_PROJECT", 3, "TALENT_STARTUP", 3);

    public static InnovationScore of(double[] features, double rdExpenseWan, Set<String> qualifications) {
        double inventions = zero(features[CreditFeature.INVENTION_PATENTS.ordinal()]);
        double others = Math.max(0, zero(features[CreditFeature.IP_TOTAL.ordinal()]) - inventions);
        double fresh = zero(features[CreditFeature.IP_NEW_24M.ordinal()]);
        double ip = Math.min(20, 5 * log2(1 + inventions)) + Math.min(10, 2.5 * log2(1 + others))
                + Math.min(5, 2.5 * log2(1 + fresh));
        double intensity = zero(features[CreditFeature.RD_INTENSITY_PCT.ordinal()]);
        double rd = Math.min(20, 2 * Math.max(0, intensity))
                + Math.min(10, 10.0 / 3 * Math.log10(1 + Math.max(0, zero(rdExpenseWan))));
        double talent = Math.min(15, 0.5 * Math.max(0, zero(features[CreditFeature.RD_STAFF_PCT.ordinal()])));
        int q = 0;
        for (String kind : qualifications) {
            q += QUALIFICATION_POINTS.getOrDefault(kind, 0);
        }
        double quals = Math.min(20, q);
        double ipR = round1(ip);
        double rdR = round1(rd);
        double talentR = round1(talent);
        int total = (int) Math.round(ip + rd + talent + quals);
        return new InnovationScore(Math.max(0, Math.min(100, total)), ipR, rdR, talentR, quals);
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
