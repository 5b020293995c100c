package org.sanrong.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a policy file: YAML whose scalars stay text (amounts and dates parsed exactly here), unknown keys refused,
 * every rule compiled. A problem names the file and the key or rule.
 */
final class PolicyFiles {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Set<String> KEYS = Set.of("code", "version", "name", "source", "validFrom", "validUntil",
            "trigger", "beneficiary", "eligibility", "formula", "formulaNote", "capPerBeneficiaryYear", "caps",
            "exclusive", "budgetPerYear", "allocation", "cutOff", "noticeWorkingDays", "clawback", "example");

    private PolicyFiles() {
    }

    /** A policy file that cannot be used, with where and why. */
    static final class MalformedPolicyException extends RuntimeException {
        MalformedPolicyException(String file, String message) {
            super("补贴政策文件 " + file + "：" + message);
        }
    }

    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }

    /** The policy with its rules compiled. */
    static CompiledPolicy read(String file, String text) {
        Map<String, Object> m = yaml(file, text);
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new MalformedPolicyException(file, "未知的键 " + key);
            }
        }
        String code = text(file, m, "code");
        if (!CODE.matcher(code).matches()) {
            throw new MalformedPolicyException(file, "code 须为大写字母、数字和连字符：" + code);
        }
        int version = integer(file, m, "version");
        LocalDate from = date(file, m, "validFrom", true);
        LocalDate until = date(file, m, "validUntil", false);
        if (from == null || until != null && until.isBefore(from)) {
            throw new MalformedPolicyException(file, "validUntil 不能早于 validFrom");
        }
        java.util.Set<EventType> triggers = java.util.EnumSet.noneOf(EventType.class);
        Object t = m.get("trigger");
        for (Object one : t instanceof List<?> l ? l : t == null ? List.of() : List.of(t)) {
            triggers.add(enumOf(file, EventType.class, String.valueOf(one), "trigger"));
        }
        if (triggers.isEmpty()) {
            throw new MalformedPolicyException(file, "缺少 trigger");
        }
        Policy.Beneficiary beneficiary = enumOf(file, Policy.Beneficiary.class, text(file, m, "beneficiary"),
                "beneficiary");
        List<Policy.Rule> rules = new ArrayList<>();
        List<RuleLanguage.Compiled> compiled = new ArrayList<>();
        if (m.get("eligibility") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> r) || !(r.get("name") instanceof String name)
                        || !(r.get("rule") instanceof String expression)) {
                    throw new MalformedPolicyException(file, "eligibility 的每一项须有 name 和 rule");
                }
                rules.add(new Policy.Rule(name, expression.strip(), r.get("hint") instanceof String h ? h.strip() : null));
                compiled.add(RuleLanguage.condition(file, name, expression.strip()));
            }
        } else if (m.get("eligibility") != null) {
            throw new MalformedPolicyException(file, "eligibility 须为列表");
        }
        String formula = text(file, m, "formula").strip();
        RuleLanguage.Compiled compiledFormula = RuleLanguage.formula(file, "formula", formula);
        List<Policy.Cap> caps = new ArrayList<>();
        List<CompiledPolicy.CompiledCap> compiledCaps = new ArrayList<>();
        if (m.get("capPerBeneficiaryYear") != null) {
            caps.add(new Policy.Cap("每个受益方每年", fen(file, m, "capPerBeneficiaryYear"), "string(event.year)", null));
        }
        if (m.get("caps") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> c) || !(c.get("name") instanceof String name)
                        || !(c.get("per") instanceof String per) || c.get("amount") == null) {
                    throw new MalformedPolicyException(file, "caps 的每一项须有 name、amount 和 per");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> cm = (Map<String, Object>) c;
                String when = c.get("when") instanceof String w ? w.strip() : null;
                caps.add(new Policy.Cap(name, fen(file, cm, "amount"), per.strip(), when));
            }
        } else if (m.get("caps") != null) {
            throw new MalformedPolicyException(file, "caps 须为列表");
        }
        for (Policy.Cap c : caps) {
            compiledCaps.add(new CompiledPolicy.CompiledCap(c,
                    RuleLanguage.text(file, "上限「" + c.name() + "」的 per", c.per()),
                    c.when() == null ? null : RuleLanguage.condition(file, "上限「" + c.name() + "」的 when", c.when())));
        }
        Policy.Exclusive exclusive = null;
        RuleLanguage.Compiled exclusiveKey = null;
        if (m.get("exclusive") instanceof Map<?, ?> x) {
            if (!(x.get("group") instanceof String group) || !(x.get("key") instanceof String key)) {
                throw new MalformedPolicyException(file, "exclusive 须有 group 和 key");
            }
            exclusive = new Policy.Exclusive(group.strip(), key.strip());
            exclusiveKey = RuleLanguage.text(file, "exclusive 的 key", key.strip());
        } else if (m.get("exclusive") != null) {
            throw new MalformedPolicyException(file, "exclusive 须有 group 和 key");
        }
        long budget = fen(file, m, "budgetPerYear");
        Policy.Allocation allocation = m.get("allocation") == null ? Policy.Allocation.FIRST_COME
                : enumOf(file, Policy.Allocation.class, String.valueOf(m.get("allocation")), "allocation");
        java.time.MonthDay cutOff = null;
        if (m.get("cutOff") != null) {
            try {
                cutOff = java.time.MonthDay.parse("--" + String.valueOf(m.get("cutOff")).strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new MalformedPolicyException(file, "cutOff 须为次年的月-日，如 03-31：" + m.get("cutOff"));
            }
        }
        if (allocation == Policy.Allocation.PRO_RATA && cutOff == null) {
            throw new MalformedPolicyException(file, "按比例分配（PRO_RATA）须设定截止日 cutOff");
        }
        int noticeDays = m.get("noticeWorkingDays") == null ? 5 : integer(file, m, "noticeWorkingDays");
        if (noticeDays < 0 || noticeDays > 60) {
            throw new MalformedPolicyException(file, "noticeWorkingDays 须在 0 到 60 之间");
        }
        Policy.Clawback clawback = null;
        if (m.get("clawback") instanceof Map<?, ?> cb) {
            if (!(cb.get("condition") instanceof String condition) || !(cb.get("years") instanceof Integer years)
                    || years < 1) {
                throw new MalformedPolicyException(file, "clawback 须有 condition 和 years（正整数）");
            }
            clawback = new Policy.Clawback(condition.strip(), years);
        } else if (m.get("clawback") != null) {
            throw new MalformedPolicyException(file, "clawback 须有 condition 和 years");
        }
        boolean example = Boolean.TRUE.equals(m.get("example"));
        Policy p = new Policy(code, version, text(file, m, "name"), text(file, m, "source"), from, until, triggers,
                beneficiary, rules, formula, m.get("formulaNote") instanceof String n ? n.strip() : "", caps,
                exclusive, budget, allocation, cutOff, noticeDays, clawback, example, file);
        return new CompiledPolicy(p, compiled, compiledFormula, compiledCaps, exclusiveKey, sha256(text));
    }

    /** The file's content hash: a version used for a payment must never change (make a new version instead). */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> yaml(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new PlainResolver());
        Object root;
        try {
            root = yaml.load(text);
        } catch (RuntimeException e) {
            throw new MalformedPolicyException(file, "不是有效的 YAML：" + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new MalformedPolicyException(file, "内容须为键值对");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return m;
    }

    private static String text(String file, Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s) || s.isBlank()) {
            throw new MalformedPolicyException(file, "缺少 " + key);
        }
        return s;
    }

    private static int integer(String file, Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Integer i) || i < 0) {
            throw new MalformedPolicyException(file, key + " 须为非负整数");
        }
        return i;
    }

    private static @Nullable LocalDate date(String file, Map<String, Object> m, String key, boolean required) {
        Object v = m.get(key);
        if (v == null && !required) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            throw new MalformedPolicyException(file, key + " 须为日期，如 2026-01-01：" + v);
        }
    }

    /** "5000000.00" yuan to fen, exactly. */
    private static long fen(String file, Map<String, Object> m, String key) {
        Object v = m.get(key);
        try {
            long fen = org.sanrong.platform.Fen.ofYuan(new BigDecimal(String.valueOf(v)));
            if (fen < 0) {
                throw new NumberFormatException();
            }
            return fen;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedPolicyException(file, key + " 须为不超过两位小数的非负金额（元）：" + v);
        }
    }

    private static <E extends Enum<E>> E enumOf(String file, Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedPolicyException(file, key + " 不认识：" + value);
        }
    }
}
