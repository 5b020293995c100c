package org.sanrong.stats;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sanrong.stats}: the enterprise categories statistics break down by (each a set of
 * qualification kinds, or the 普惠小微 size rule), which of them is "tech credit" and which 普惠小微, the growth
 * target and its amber band, and the 普惠小微 thresholds.
 *
 * Unset settings take the defaults below (binding passes null for them).
 *
 * @param categories in a fixed order: a category's position is its bit in the read model, so append, never reorder
 * @param techCategory the category whose balance is tech credit (科技信贷)
 * @param inclusiveCategory the 普惠小微 category
 * @param growthTargetPercent year-on-year growth of tech-credit balances to reach (004 (八): at least 15%)
 * @param growthAmberPoints how far below the target is still amber rather than red
 * @param inclusive the 普惠小微 rule: small or micro (fewer staff than, or less revenue than, a medium firm) and
 *        total credit on the platform at most {@code maxCreditFen}
 */
@ConfigurationProperties("sanrong.stats")
public record StatsProperties(List<Category> categories, String techCategory, String inclusiveCategory,
        BigDecimal growthTargetPercent, BigDecimal growthAmberPoints, Inclusive inclusive) {

    /** The kind that stands for the 普惠小微 size rule rather than a qualification. */
    public static final String SMALL_MICRO = "SMALL_MICRO";

    /** An enterprise category: its code, its label and the qualification kinds that put an enterprise in it. */
    public record Category(String code, String label, List<String> kinds) {
        public boolean sizeRule() {
            return kinds.contains(SMALL_MICRO);
        }
    }

    public record Inclusive(long maxCreditFen, int mediumHeadcount, long mediumRevenueFen) {
    }

    public StatsProperties {
        if (categories == null || categories.isEmpty()) {
            categories = List.of(
                    new Category("TECH", "科技型企业（任一名单）", List.of("HIGH_TECH", "SRDI_SME", "LITTLE_GIANT", "TECH_SME")),
                    new Category("HIGH_TECH", "高新技术企业", List.of("HIGH_TECH")),
                    new Category("SRDI", "专精特新企业", List.of("SRDI_SME", "LITTLE_GIANT")),
                    new Category("TECH_SME", "科技型中小企业", List.of("TECH_SME")),
                    new Category("INCLUSIVE", "普惠小微企业", List.of(SMALL_MICRO)));
        }
        if (categories.size() > 30) {
            throw new IllegalArgumentException("sanrong.stats.categories: at most 30 categories");
        }
        techCategory = techCategory == null ? "TECH" : techCategory;
        inclusiveCategory = inclusiveCategory == null ? "INCLUSIVE" : inclusiveCategory;
        growthTargetPercent = growthTargetPercent == null ? new BigDecimal("15") : growthTargetPercent;
        growthAmberPoints = growthAmberPoints == null ? new BigDecimal("5") : growthAmberPoints;
        inclusive = inclusive == null ? new Inclusive(1_000_000_000L, 300, 2_000_000_000L) : inclusive;
    }

    /** The bit of a category code in the read model's masks; -1 when there is no such category. */
    public int bitOf(String code) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).code().equals(code)) {
                return 1 << i;
            }
        }
        return -1;
    }

    public Category category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }
}
