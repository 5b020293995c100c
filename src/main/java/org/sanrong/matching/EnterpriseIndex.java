package org.sanrong.matching;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RangeBitmap;
import org.roaringbitmap.RoaringBitmap;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.LifecycleStage;

/**
 * An immutable eligibility index over enterprises numbered 0..size-1: one Roaring bitmap per town, industry code
 * prefix (section, division, group, class), stage and qualification; range-encoded bitmaps for registration date,
 * revenue and headcount; flat arrays for the values scoring needs. No object per enterprise.
 * {@link #filter} answers exactly what {@link EnterpriseFilter#test} answers for every enterprise.
 */
public final class EnterpriseIndex {

    /** Registration dates are stored as epoch day plus this, so that dates back to 1900 stay non-negative. */
    private static final long DAY_OFFSET = 30_000;
    private static final int CODE_BYTES = 18;
    /** Up to this many candidates, range rules are checked value by value in the flat arrays. */
    static final int SCAN_LIMIT = 16_384;

    private final int scanLimit;

    private final int size;
    private final byte[] codes;
    private final long[] revenueFen;
    private final int[] headcount;
    private final int[] registeredDay;
    private final Map<String, RoaringBitmap> towns;
    private final NavigableMap<String, RoaringBitmap> industries;
    private final EnumMap<LifecycleStage, RoaringBitmap> stages;
    private final Map<String, RoaringBitmap> qualifications;
    private final RoaringBitmap hasRegistered;
    private final RoaringBitmap hasRevenue;
    private final RoaringBitmap hasHeadcount;
    private final RangeBitmap registered;
    private final RangeBitmap revenue;
    private final RangeBitmap headcounts;
    private final long rangeBytes;

    private EnterpriseIndex(Builder b) {
        this.size = b.size;
        this.scanLimit = b.scanLimit;
        this.codes = Arrays.copyOf(b.codes, b.size * CODE_BYTES);
        this.revenueFen = Arrays.copyOf(b.revenueFen, b.size);
        this.headcount = Arrays.copyOf(b.headcount, b.size);
        this.registeredDay = Arrays.copyOf(b.registeredDay, b.size);
        this.towns = optimised(b.towns);
        this.industries = new TreeMap<>(optimised(b.industries));
        this.stages = new EnumMap<>(optimised(b.stages));
        this.qualifications = optimised(b.qualifications);
        this.hasRegistered = optimised(b.hasRegistered);
        this.hasRevenue = optimised(b.hasRevenue);
        this.hasHeadcount = optimised(b.hasHeadcount);
        this.rangeBytes = b.registered.serializedSizeInBytes() + b.revenue.serializedSizeInBytes()
                + b.headcounts.serializedSizeInBytes();
        this.registered = b.registered.build();
        this.revenue = b.revenue.build();
        this.headcounts = b.headcounts.build();
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    public int size() {
        return size;
    }

    public String creditCode(int id) {
        return new String(codes, id * CODE_BYTES, CODE_BYTES, StandardCharsets.US_ASCII);
    }

    /** Latest yearly revenue in fen, or -1 when unknown; for scoring. */
    public long revenueFen(int id) {
        return revenueFen[id];
    }

    /** Headcount, or -1 when unknown; for scoring. */
    public int headcount(int id) {
        return headcount[id];
    }

    /** The enterprises (by number) that satisfy the filter on {@code today}. */
    public RoaringBitmap filter(EnterpriseFilter f, LocalDate today) {
        // Each constraint is a union of one or more bitmaps ("any of these towns"). Single bitmaps are ANDed first,
        // smallest first; a union of several is then applied as the OR of (result AND member), which touches only
        // the few candidates left instead of materialising a union of a million enterprises.
        List<List<RoaringBitmap>> constraints = new ArrayList<>();
        if (!f.towns().isEmpty()) {
            constraints.add(members(f.towns().stream().map(towns::get).toList()));
        }
        if (!f.industryIncludes().isEmpty()) {
            constraints.add(members(f.industryIncludes().stream().map(this::industryPrefix).toList()));
        }
        if (!f.stages().isEmpty()) {
            constraints.add(members(f.stages().stream().map(stages::get).toList()));
        }
        for (String q : f.allQualifications()) {
            constraints.add(List.of(orEmpty(qualifications.get(q))));
        }
        if (!f.anyQualifications().isEmpty()) {
            constraints.add(members(f.anyQualifications().stream().map(qualifications::get).toList()));
        }
        if (f.minYears() != null) {
            constraints.add(List.of(hasRegistered));
        }
        if (f.minRevenueFen() != null || f.maxRevenueFen() != null) {
            constraints.add(List.of(hasRevenue));
        }
        if (f.minHeadcount() != null || f.maxHeadcount() != null) {
            constraints.add(List.of(hasHeadcount));
        }
        RoaringBitmap result;
        if (constraints.isEmpty()) {
            result = RoaringBitmap.bitmapOfRange(0, size);
        } else {
            constraints.sort(Comparator.comparingLong(EnterpriseIndex::cardinality));
            List<RoaringBitmap> singles = constraints.stream().filter(c -> c.size() == 1).map(List::getFirst)
                    .toList();
            List<List<RoaringBitmap>> unions = constraints.stream().filter(c -> c.size() != 1).toList();
            if (!singles.isEmpty()) {
                result = singles.size() == 1 ? singles.getFirst().clone()
                        : FastAggregation.naive_and(singles.toArray(RoaringBitmap[]::new));
            } else {
                result = unions.getFirst().isEmpty() ? new RoaringBitmap()
                        : FastAggregation.or(unions.getFirst().iterator());
                unions = unions.subList(1, unions.size());
            }
            for (List<RoaringBitmap> union : unions) {
                if (result.isEmpty()) {
                    break;
                }
                RoaringBitmap candidates = result;
                result = union.isEmpty() ? new RoaringBitmap() : FastAggregation.or(union.stream()
                        .map(member -> RoaringBitmap.and(candidates, member)).iterator());
            }
        }
        if (!f.industryExcludes().isEmpty() && !result.isEmpty()) {
            result.andNot(union(f.industryExcludes().stream().map(this::industryPrefix).toList()));
        }
        if (f.minYears() != null && !result.isEmpty()) {
            long latest = today.minusYears(f.minYears()).toEpochDay() + DAY_OFFSET;
            result = result.getCardinality() <= scanLimit ? scan(result, id -> registeredDay[id] <= latest)
                    : registered.lte(latest, result);
        }
        if ((f.minRevenueFen() != null || f.maxRevenueFen() != null) && !result.isEmpty()) {
            long lo = f.minRevenueFen() == null ? Long.MIN_VALUE : f.minRevenueFen();
            long hi = f.maxRevenueFen() == null ? Long.MAX_VALUE : f.maxRevenueFen();
            result = result.getCardinality() <= scanLimit
                    ? scan(result, id -> revenueFen[id] >= lo && revenueFen[id] <= hi)
                    : between(revenue, f.minRevenueFen(), f.maxRevenueFen(), Long.MAX_VALUE >>> 1, result);
        }
        if ((f.minHeadcount() != null || f.maxHeadcount() != null) && !result.isEmpty()) {
            int lo = f.minHeadcount() == null ? Integer.MIN_VALUE : f.minHeadcount();
            int hi = f.maxHeadcount() == null ? Integer.MAX_VALUE : f.maxHeadcount();
            result = result.getCardinality() <= scanLimit
                    ? scan(result, id -> headcount[id] >= lo && headcount[id] <= hi)
                    : between(headcounts, f.minHeadcount() == null ? null : f.minHeadcount().longValue(),
                            f.maxHeadcount() == null ? null : f.maxHeadcount().longValue(), Integer.MAX_VALUE, result);
        }
        return result;
    }

    /**
     * Few candidates left: checking their values in the flat arrays is cheaper than evaluating a range-encoded
     * bitmap's slices over every chunk they touch. (Unknown values are already excluded by the has-bitmaps.)
     */
    private static RoaringBitmap scan(RoaringBitmap candidates, java.util.function.IntPredicate keep) {
        RoaringBitmap kept = new RoaringBitmap();
        candidates.forEach((org.roaringbitmap.IntConsumer) id -> {
            if (keep.test(id)) {
                kept.add(id);
            }
        });
        return kept;
    }

    /** Values in [min, max] among the context; stored values are never negative, an empty range is empty. */
    private static RoaringBitmap between(RangeBitmap values, @Nullable Long min, @Nullable Long max, long top,
            RoaringBitmap context) {
        long lo = min == null ? 0 : Math.max(0, min);
        long hi = max == null ? top : Math.min(top, max);
        return hi < lo ? new RoaringBitmap() : values.between(lo, hi, context);
    }

    /** Bitmaps and arrays, in bytes: what the index costs in memory. */
    public long memoryBytes() {
        long bytes = (long) codes.length + revenueFen.length * 8L + headcount.length * 4L
                + registeredDay.length * 4L + rangeBytes;
        for (Map<?, RoaringBitmap> m : List.of(towns, industries, stages, qualifications)) {
            for (RoaringBitmap r : m.values()) {
                bytes += r.getLongSizeInBytes();
            }
        }
        return bytes + hasRegistered.getLongSizeInBytes() + hasRevenue.getLongSizeInBytes()
                + hasHeadcount.getLongSizeInBytes();
    }

    private RoaringBitmap industryPrefix(String prefix) {
        RoaringBitmap exact = industries.get(prefix);
        if (exact != null) {
            return exact;
        }
        // a prefix between the standard's levels (e.g. "C3"): the union of every code below it
        return union(new ArrayList<>(industries.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()));
    }

    /** The bitmaps present among those named (an unknown town or code adds nothing). */
    private static List<RoaringBitmap> members(List<@Nullable RoaringBitmap> bitmaps) {
        return bitmaps.stream().filter(b -> b != null).map(b -> (RoaringBitmap) b).toList();
    }

    private static long cardinality(List<RoaringBitmap> union) {
        long n = 0;
        for (RoaringBitmap b : union) {
            n += b.getLongCardinality();
        }
        return n;
    }

    private static RoaringBitmap union(List<@Nullable RoaringBitmap> bitmaps) {
        List<RoaringBitmap> present = bitmaps.stream().filter(b -> b != null).map(b -> (RoaringBitmap) b).toList();
        return present.isEmpty() ? new RoaringBitmap() : FastAggregation.or(present.iterator());
    }

    private static RoaringBitmap orEmpty(@Nullable RoaringBitmap b) {
        return b == null ? new RoaringBitmap() : b;
    }

    private static <K> Map<K, RoaringBitmap> optimised(Map<K, RoaringBitmap> m) {
        m.values().forEach(RoaringBitmap::runOptimize);
        return m;
    }

    private static RoaringBitmap optimised(RoaringBitmap b) {
        b.runOptimize();
        return b;
    }

    /** Adds enterprises one after another; their numbers are the order of adding. */
    public static final class Builder {
        private int size;
        private byte[] codes;
        private long[] revenueFen;
        private int[] headcount;
        private int[] registeredDay;
        private int scanLimit = SCAN_LIMIT;
        private final Map<String, RoaringBitmap> towns = new HashMap<>();
        private final Map<String, RoaringBitmap> industries = new HashMap<>();
        private final EnumMap<LifecycleStage, RoaringBitmap> stages = new EnumMap<>(LifecycleStage.class);
        private final Map<String, RoaringBitmap> qualifications = new HashMap<>();
        private final RoaringBitmap hasRegistered = new RoaringBitmap();
        private final RoaringBitmap hasRevenue = new RoaringBitmap();
        private final RoaringBitmap hasHeadcount = new RoaringBitmap();
        private final RangeBitmap.Appender registered = RangeBitmap.appender(200_000);
        private final RangeBitmap.Appender revenue = RangeBitmap.appender(Long.MAX_VALUE >>> 1);
        private final RangeBitmap.Appender headcounts = RangeBitmap.appender(Integer.MAX_VALUE);

        private Builder(int expected) {
            int capacity = Math.max(16, expected);
            codes = new byte[capacity * CODE_BYTES];
            revenueFen = new long[capacity];
            headcount = new int[capacity];
            registeredDay = new int[capacity];
            for (LifecycleStage s : LifecycleStage.values()) {
                stages.put(s, new RoaringBitmap());
            }
        }

        public int add(EnterpriseFacts e) {
            int id = size++;
            if (id == revenueFen.length) {
                int grown = revenueFen.length * 2;
                codes = Arrays.copyOf(codes, grown * CODE_BYTES);
                revenueFen = Arrays.copyOf(revenueFen, grown);
                headcount = Arrays.copyOf(headcount, grown);
                registeredDay = Arrays.copyOf(registeredDay, grown);
            }
            byte[] code = e.creditCode().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(code, 0, codes, id * CODE_BYTES, Math.min(CODE_BYTES, code.length));
            if (e.townCode() != null) {
                towns.computeIfAbsent(e.townCode(), k -> new RoaringBitmap()).add(id);
            }
            String industry = e.industryCode();
            if (industry != null && !industry.isEmpty()) {
                // the section letter and every longer prefix: C, C3, C39, C391, C3911
                industries.computeIfAbsent(industry.substring(0, 1), k -> new RoaringBitmap()).add(id);
                for (int len = 2; len <= industry.length(); len++) {
                    industries.computeIfAbsent(industry.substring(0, len), k -> new RoaringBitmap()).add(id);
                }
            }
            stages.get(e.stage()).add(id);
            for (String q : e.qualifications()) {
                qualifications.computeIfAbsent(q, k -> new RoaringBitmap()).add(id);
            }
            if (e.registeredOn() != null) {
                hasRegistered.add(id);
                registered.add(e.registeredOn().toEpochDay() + DAY_OFFSET);
                registeredDay[id] = (int) (e.registeredOn().toEpochDay() + DAY_OFFSET);
            } else {
                registered.add(0);
                registeredDay[id] = -1;
            }
            if (e.revenueFen() != null) {
                hasRevenue.add(id);
                revenue.add(e.revenueFen());
                revenueFen[id] = e.revenueFen();
            } else {
                revenue.add(0);
                revenueFen[id] = -1;
            }
            if (e.headcount() != null) {
                hasHeadcount.add(id);
                headcounts.add(e.headcount());
                headcount[id] = e.headcount();
            } else {
                headcounts.add(0);
                headcount[id] = -1;
            }
            return id;
        }

        /** Below how many candidates range rules scan the arrays (0: always the range bitmaps); for tests. */
        public Builder scanLimit(int limit) {
            this.scanLimit = limit;
            return this;
        }

        public EnterpriseIndex build() {
            return new EnterpriseIndex(this);
        }
    }
}
