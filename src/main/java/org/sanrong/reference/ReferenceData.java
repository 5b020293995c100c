package org.sanrong.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The city's reference data: towns, GB/T 4754-2017 industry codes, strategic emerging industries and
 * qualification kinds. Loaded from files at start (see {@code sanrong.reference.*}) and held in memory, so a read
 * never touches the database. Codes are matched after stripping blanks and upper-casing.
 */
@Service
public class ReferenceData {

    private static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-Z][0-9]{0,4}");

    private final ReferenceTables tables;
    private volatile @Nullable Snapshot snapshot;

    ReferenceData(ReferenceTables tables) {
        this.tables = tables;
    }

    /** Towns in the order of the town file. */
    public List<Town> towns() {
        return snapshot().towns;
    }

    public Optional<Town> town(String code) {
        return Optional.ofNullable(snapshot().townsByCode.get(code.strip()));
    }

    public Optional<Industry> industry(String code) {
        return Optional.ofNullable(snapshot().industries.get(normalise(code)));
    }

    /**
     * Every industry whose code starts with {@code prefix}, the code itself included, ordered by code; a null or
     * blank prefix gives the 20 sections. A prefix that matches nothing gives an empty list.
     */
    public List<Industry> industries(@Nullable String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return snapshot().sections;
        }
        String p = normalise(prefix);
        return List.copyOf(snapshot().industries.subMap(p, true, p + Character.MAX_VALUE, false).values());
    }

    /** The direct children of a code, ordered by code; null or blank gives the sections; unknown gives none. */
    public List<Industry> children(@Nullable String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            return snapshot().sections;
        }
        return snapshot().children.getOrDefault(normalise(parentCode), List.of());
    }

    /** Emerging industries in the order of their file. */
    public List<EmergingIndustry> emergingIndustries() {
        return snapshot().emergingIndustries;
    }

    /** The codes of the emerging industries one of whose prefixes the industry code starts with, in file order. */
    public Set<String> emergingIndustriesOf(String industryCode) {
        String code = normalise(industryCode);
        Set<String> codes = new LinkedHashSet<>();
        for (EmergingIndustry e : snapshot().emergingIndustries) {
            if (e.covers(code)) {
                codes.add(e.code());
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    /** Qualification kinds in the order of their file. */
    public List<QualificationKind> qualificationKinds() {
        return snapshot().qualificationKinds;
    }

    public Optional<QualificationKind> qualificationKind(String code) {
        return Optional.ofNullable(snapshot().kindsByCode.get(code.strip()));
    }

    /**
     * Whether a string could be a GB/T 4754 code or the start of one: a section letter and up to four digits
     * (case and surrounding blanks aside). It need not exist.
     */
    public static boolean isPlausibleIndustryPrefix(String prefix) {
        return INDUSTRY_PREFIX.matcher(normalise(prefix)).matches();
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** Reads the tables again, after a load; readers see the old or the new data, never a mix. */
    void refresh() {
        snapshot = new Snapshot(tables.towns(), tables.industries(), tables.emergingIndustries(),
                tables.qualificationKinds());
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    refresh();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private static final class Snapshot {
        final List<Town> towns;
        final Map<String, Town> townsByCode = new HashMap<>();
        final NavigableMap<String, Industry> industries = new TreeMap<>();
        final List<Industry> sections;
        final Map<String, List<Industry>> children;
        final List<EmergingIndustry> emergingIndustries;
        final List<QualificationKind> qualificationKinds;
        final Map<String, QualificationKind> kindsByCode = new HashMap<>();

        Snapshot(List<Town> towns, List<Industry> industries, List<EmergingIndustry> emerging,
                List<QualificationKind> kinds) {
            this.towns = List.copyOf(towns);
            towns.forEach(t -> townsByCode.put(t.code(), t));
            industries.forEach(i -> this.industries.put(i.code(), i));
            List<Industry> sections = new ArrayList<>();
            Map<String, List<Industry>> children = new LinkedHashMap<>();
            for (Industry i : this.industries.values()) {
                if (i.parentCode() == null) {
                    sections.add(i);
                } else {
                    children.computeIfAbsent(i.parentCode(), c -> new ArrayList<>()).add(i);
                }
            }
            this.sections = List.copyOf(sections);
            children.replaceAll((k, v) -> List.copyOf(v));
            this.children = children;
            this.emergingIndustries = List.copyOf(emerging);
            this.qualificationKinds = List.copyOf(kinds);
            kinds.forEach(k -> kindsByCode.put(k.code(), k));
        }
    }
}
