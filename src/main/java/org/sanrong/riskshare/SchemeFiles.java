package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.ProductType;
import org.sanrong.identity.InstitutionType;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads scheme files: YAML whose scalars stay text (no floating point, no dates guessed by the YAML parser; only
 * true/false, integers and null are typed), mapped onto {@link Scheme} or {@link GuaranteeScheme} with unknown keys
 * refused, then checked rule by rule. A problem names the file and the key.
 */
final class SchemeFiles {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    private SchemeFiles() {
    }

    /** A scheme file that cannot be used, with where and why. */
    static final class MalformedSchemeException extends RuntimeException {
        MalformedSchemeException(String file, String message) {
            super("风险补偿方案文件 " + file + "：" + message);
        }
    }

    /** Only booleans, integers and null are typed; "0.40" and "2025-10-01" stay text for exact parsing. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    static Map<String, Object> yaml(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new PlainResolver());
        try {
            Object root = yaml.load(text);
            if (!(root instanceof Map<?, ?> map)) {
                throw new MalformedSchemeException(file, "内容须为键值对");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return m;
        } catch (RuntimeException e) {
            if (e instanceof MalformedSchemeException) {
                throw e;
            }
            throw new MalformedSchemeException(file, "不是有效的 YAML：" + e.getMessage());
        }
    }

    static Scheme scheme(String file, String text) {
        Scheme s;
        try {
            s = JSON.convertValue(yaml(file, text), Scheme.class);
        } catch (MalformedSchemeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedSchemeException(file, "字段不符合要求：" + e.getMessage());
        }
        check(file, s);
        return s;
    }

    static GuaranteeScheme guarantee(String file, String text) {
        GuaranteeScheme s;
        try {
            s = JSON.convertValue(yaml(file, text), GuaranteeScheme.class);
        } catch (MalformedSchemeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedSchemeException(file, "字段不符合要求：" + e.getMessage());
        }
        check(file, s);
        return s;
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    static void check(String file, Scheme s) {
        List<String> problems = new ArrayList<>();
        common(problems, s.code(), s.version(), s.name(), s.validFrom(), s.validUntil());
        if (s.mode() == null) {
            problems.add("mode 须为 BANK 或 GUARANTOR");
        }
        if (s.funders().isEmpty()) {
            problems.add("funders 至少一个出资方");
        } else {
            BigDecimal total = BigDecimal.ZERO;
            for (Scheme.Funder f : s.funders()) {
                if (f.code() == null || !CODE.matcher(f.code()).matches() || f.name() == null || f.level() == null) {
                    problems.add("funders 每项须有 code（大写字母、数字、-）、name 和 level");
                }
                if (f.share() == null || f.share().signum() <= 0) {
                    problems.add("funders." + f.code() + ".share 须大于0");
                } else {
                    total = total.add(f.share());
                }
            }
            if (total.compareTo(BigDecimal.ONE) != 0) {
                problems.add("funders 的 share 合计须为1（现为 " + total.toPlainString() + "）");
            }
        }
        money(problems, "budget.yearly", s.budget().yearly(), false);
        Scheme.Eligibility e = s.eligibility();
        e.regions().stream().filter(r -> !r.matches("[0-9]{2,6}")).forEach(r -> problems.add("eligibility.regions 中 "
                + r + " 不是行政区划代码前缀"));
        e.institutionTypes().stream().filter(not(t -> enumHas(InstitutionType.values(), t)))
                .forEach(t -> problems.add("eligibility.institutionTypes 中 " + t + " 不是机构类型"));
        e.productTypes().stream().filter(not(t -> enumHas(ProductType.values(), t)))
                .forEach(t -> problems.add("eligibility.productTypes 中 " + t + " 不是产品类型"));
        money(problems, "eligibility.minAmount", e.minAmount(), false);
        money(problems, "eligibility.maxAmount", e.maxAmount(), false);
        if (s.filing().window() == Scheme.FilingWindow.Kind.DAYS && (s.filing().days() == null || s.filing().days() < 0)) {
            problems.add("filing.days 须为非负整数");
        }
        Scheme.RatioRules r = s.ratio();
        if (r == null) {
            problems.add("缺少 ratio");
        } else {
            if (r.tiers().isEmpty()) {
                problems.add("ratio.tiers 至少一档");
            }
            BigDecimal previous = null;
            for (int i = 0; i < r.tiers().size(); i++) {
                Scheme.Tier t = r.tiers().get(i);
                fraction(problems, "ratio.tiers[" + i + "].ratio", t.ratio());
                if (t.upTo() == null && i < r.tiers().size() - 1) {
                    problems.add("ratio.tiers 只有最后一档可以不设 upTo");
                }
                money(problems, "ratio.tiers[" + i + "].upTo", t.upTo(), false);
                if (t.upTo() != null && previous != null && t.upTo().compareTo(previous) <= 0) {
                    problems.add("ratio.tiers 的 upTo 须逐档递增");
                }
                previous = t.upTo();
            }
            if (r.guaranteedRatio() != null) {
                fraction(problems, "ratio.guaranteedRatio", r.guaranteedRatio());
            }
            for (Scheme.Uplift u : r.uplifts()) {
                if (u.name() == null || u.name().isBlank() || u.anyOf().isEmpty()) {
                    problems.add("ratio.uplifts 每项须有 name 和 anyOf");
                }
                if (u.points() == null || u.points().signum() <= 0 || u.points().compareTo(BigDecimal.ONE) > 0) {
                    problems.add("ratio.uplifts.points 须在0至1之间");
                }
            }
            if (r.cap() == null || r.cap().signum() <= 0 || r.cap().compareTo(BigDecimal.ONE) > 0) {
                problems.add("ratio.cap 须在0至1之间");
            }
            if (r.combinedCap() != null) {
                fraction(problems, "ratio.combinedCap", r.combinedCap());
            }
        }
        if (s.suspension() != null && (s.suspension().lossRatioAbove() == null
                || s.suspension().lossRatioAbove().signum() <= 0
                || s.suspension().lossRatioAbove().compareTo(BigDecimal.ONE) >= 0)) {
            problems.add("suspension.lossRatioAbove 须在0至1之间");
        }
        if (s.claim() == null) {
            problems.add("缺少 claim");
        } else {
            if (!enumHas(org.sanrong.deal.LoanStatus.values(), s.claim().loanStatus())) {
                problems.add("claim.loanStatus 须为还款状态之一，如 NON_PERFORMING");
            }
            if (s.claim().minOverdueDays() < 0) {
                problems.add("claim.minOverdueDays 不能为负数");
            }
        }
        for (Scheme.ReviewRules.Step step : s.review().steps()) {
            step(problems, "review.steps", step);
        }
        money(problems, "review.secondApprovalAbove", s.review().secondApprovalAbove(), false);
        if (s.review().secondApprovalAbove() != null) {
            if (s.review().secondApproval() == null) {
                problems.add("设置 review.secondApprovalAbove 时须写 review.secondApproval");
            } else {
                step(problems, "review.secondApproval", s.review().secondApproval());
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedSchemeException(file, String.join("；", problems));
        }
    }

    static void check(String file, GuaranteeScheme s) {
        List<String> problems = new ArrayList<>();
        common(problems, s.code(), s.version(), s.name(), s.validFrom(), s.validUntil());
        money(problems, "maxPrincipal", s.maxPrincipal(), false);
        if (s.parties().isEmpty()) {
            problems.add("parties 至少一方");
        }
        long remainders = s.parties().stream().filter(GuaranteeScheme.PartyShare::remainder).count();
        if (remainders > 1) {
            problems.add("parties 中最多一方 remainder: true");
        }
        BigDecimal highest = BigDecimal.ZERO;
        for (GuaranteeScheme.PartyShare p : s.parties()) {
            if (p.party() == null) {
                problems.add("parties 每项须有 party");
                continue;
            }
            if (p.remainder()) {
                continue;
            }
            if (p.byCategory().isEmpty()) {
                fraction(problems, "parties." + p.party() + ".share", p.share());
                highest = highest.add(p.share() == null ? BigDecimal.ZERO : p.share());
            } else {
                BigDecimal max = BigDecimal.ZERO;
                for (GuaranteeScheme.CategoryShare c : p.byCategory()) {
                    fraction(problems, "parties." + p.party() + ".byCategory.share", c.share());
                    if (c.categories().isEmpty()) {
                        problems.add("parties." + p.party() + ".byCategory 每项须列出 categories");
                    }
                    if (c.share() != null && c.share().compareTo(max) > 0) {
                        max = c.share();
                    }
                }
                highest = highest.add(max);
            }
        }
        if (remainders == 0 ? highest.compareTo(BigDecimal.ONE) != 0 : highest.compareTo(BigDecimal.ONE) > 0) {
            problems.add("各方分担比例合计须为1（有 remainder 一方时不超过1），现为 " + highest.toPlainString());
        }
        for (GuaranteeScheme.Fee f : s.fees()) {
            if (f.name() == null || f.payer() == null || f.payee() == null || f.baseParty() == null) {
                problems.add("fees 每项须有 name、payer、payee、baseParty");
            }
            fraction(problems, "fees.rate", f.rate());
            if (f.reducedRate() != null) {
                fraction(problems, "fees.reducedRate", f.reducedRate());
            }
            money(problems, "fees.reducedUpTo", f.reducedUpTo(), false);
        }
        if (!problems.isEmpty()) {
            throw new MalformedSchemeException(file, String.join("；", problems));
        }
    }

    private static void common(List<String> problems, @Nullable String code, int version, @Nullable String name,
            java.time.@Nullable LocalDate from, java.time.@Nullable LocalDate until) {
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add("code 须为2至40位大写字母、数字或 -");
        }
        if (version < 1) {
            problems.add("version 须为正整数");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add("name 须为1至100个字");
        }
        if (from == null) {
            problems.add("缺少 validFrom");
        } else if (until != null && until.isBefore(from)) {
            problems.add("validUntil 不能早于 validFrom");
        }
    }

    private static void step(List<String> problems, String where, Scheme.ReviewRules.Step step) {
        if (step.name() == null || step.name().isBlank()) {
            problems.add(where + " 每步须有 name");
        }
        if (step.workingDays() < 1 || step.workingDays() > 60) {
            problems.add(where + ".workingDays 须在1至60之间");
        }
    }

    private static void fraction(List<String> problems, String key, @Nullable BigDecimal v) {
        if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            problems.add(key + " 须为0至1之间的小数");
        }
    }

    private static void money(List<String> problems, String key, @Nullable BigDecimal v, boolean required) {
        if (v == null) {
            if (required) {
                problems.add("缺少 " + key);
            }
            return;
        }
        if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 2) {
            problems.add(key + " 须为大于0、最多两位小数的金额（元）");
        }
    }

    private static <E extends Enum<E>> boolean enumHas(E[] values, @Nullable String name) {
        return name != null && Arrays.stream(values).anyMatch(v -> v.name().equals(name));
    }

    private static <T> Predicate<T> not(Predicate<T> p) {
        return p.negate();
    }
}
