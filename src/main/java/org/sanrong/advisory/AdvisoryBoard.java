package org.sanrong.advisory;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Spreadsheets;
import org.sanrong.platform.WorkingCalendar;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government's board of the adviser programme: how many enterprises are covered in each town (under a live
 * assignment, and served at least once), how long enterprises waited for the first service (working days, see
 * {@link ResponseTime}), and each institution's advisers, services and ratings; with an Excel export of the same.
 * A handful of grouped queries; response times are counted here because only the calendar knows the holidays.
 */
@Service
public class AdvisoryBoard {

    /** The whole programme. Means to one decimal (ratings two), half up; null where there is nothing to average. */
    public record Figures(long advisers, long enterprisesAssigned, long enterprisesServed, long services,
            long openRequests, long ratings, @Nullable BigDecimal meanRating, long responded,
            @Nullable BigDecimal meanResponseDays, @Nullable BigDecimal medianResponseDays,
            long awaitingFirstService, List<TownRow> towns, List<InstitutionRow> institutions) {

        /** Enterprises served per town, every town in the reference order, for the bar chart. */
        public Map<String, Long> servedByTown() {
            Map<String, Long> m = new LinkedHashMap<>();
            towns.forEach(t -> m.put(t.townName(), t.served()));
            return m;
        }
    }

    public record TownRow(@Nullable String townCode, String townName, long assigned, long served, long responded,
            @Nullable BigDecimal meanResponseDays) {
    }

    public record InstitutionRow(UUID institutionId, String institutionName, long advisers, long assignments,
            long served, long services, long responded, @Nullable BigDecimal meanResponseDays,
            @Nullable Integer maxResponseDays, long ratings, @Nullable BigDecimal meanRating) {
    }

    static final String NO_TOWN = "未登记镇街";

    private final Assignments assignments;
    private final AdviceRequests requests;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;

    AdvisoryBoard(Assignments assignments, AdviceRequests requests, ReferenceData reference,
            WorkingCalendar calendar) {
        this.assignments = assignments;
        this.requests = requests;
        this.reference = reference;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public Figures figures(SignedInUser user) {
        if (!user.hasRole(Role.GOV) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("只有政府部门可以查看金融顾问看板");
        }
        Map<String, List<Integer>> daysByTown = new HashMap<>();
        Map<UUID, List<Integer>> daysByInstitution = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        long awaiting = 0;
        for (Assignments.Clock c : assignments.clocks()) {
            if (c.firstServiceOn() == null) {
                if (c.status() == Assignment.Status.ACTIVE) {
                    awaiting++;
                }
                continue;
            }
            int days = ResponseTime.workingDays(calendar, c.startedOn(), c.firstServiceOn());
            all.add(days);
            daysByTown.computeIfAbsent(String.valueOf(c.townCode()), k -> new ArrayList<>()).add(days);
            daysByInstitution.computeIfAbsent(c.institutionId(), k -> new ArrayList<>()).add(days);
        }
        Map<String, Assignments.TownCount> counts = new HashMap<>();
        assignments.byTown().forEach(t -> counts.put(String.valueOf(t.townCode()), t));
        List<TownRow> towns = new ArrayList<>();
        for (Town town : reference.towns()) {
            towns.add(townRow(town.code(), town.name(), counts.remove(town.code()), daysByTown));
        }
        counts.forEach((code, t) -> towns.add(townRow(t.townCode(), t.townCode() == null ? NO_TOWN : t.townCode(), t,
                daysByTown)));
        List<InstitutionRow> institutions = assignments.byInstitution().stream().map(i -> {
            List<Integer> days = daysByInstitution.getOrDefault(i.institutionId(), List.of());
            return new InstitutionRow(i.institutionId(), i.institutionName(), i.advisers(), i.assignments(),
                    i.served(), i.services(), days.size(), mean(days),
                    days.stream().max(Integer::compare).orElse(null), i.ratings(), rating(i.meanRating()));
        }).toList();
        Assignments.Ratings ratings = assignments.ratings();
        return new Figures(institutions.stream().mapToLong(InstitutionRow::advisers).sum(),
                assignments.countEnterprisesAssigned(), assignments.countEnterprisesServed(),
                assignments.countServices(), requests.countOpen(), ratings.count(), rating(ratings.mean()), all.size(),
                mean(all), median(all), awaiting, towns, institutions);
    }

    private static TownRow townRow(@Nullable String code, String name, Assignments.@Nullable TownCount count,
            Map<String, List<Integer>> daysByTown) {
        List<Integer> days = daysByTown.getOrDefault(String.valueOf(code), List.of());
        return new TownRow(code, name, count == null ? 0 : count.assigned(), count == null ? 0 : count.served(),
                days.size(), mean(days));
    }

    /** The board as a workbook: by town, by institution. */
    @Transactional(readOnly = true)
    public void export(SignedInUser user, OutputStream out) {
        Figures f = figures(user);
        List<List<Object>> towns = new ArrayList<>();
        for (TownRow t : f.towns()) {
            towns.add(List.of(t.townCode() == null ? "" : t.townCode(), t.townName(), t.assigned(), t.served(),
                    t.responded(), text(t.meanResponseDays())));
        }
        List<List<Object>> institutions = new ArrayList<>();
        for (InstitutionRow i : f.institutions()) {
            institutions.add(List.of(i.institutionName(), i.advisers(), i.assignments(), i.served(), i.services(),
                    i.responded(), text(i.meanResponseDays()), i.maxResponseDays() == null ? "" : i.maxResponseDays(),
                    i.ratings(), text(i.meanRating())));
        }
        List<List<Object>> totals = List.of(
                List.of("在岗金融顾问", f.advisers()), List.of("指派覆盖企业", f.enterprisesAssigned()),
                List.of("已服务企业", f.enterprisesServed()), List.of("服务次数", f.services()),
                List.of("待指派申请", f.openRequests()), List.of("待首次服务的指派", f.awaitingFirstService()),
                List.of("平均响应（工作日）", text(f.meanResponseDays())),
                List.of("响应中位数（工作日）", text(f.medianResponseDays())),
                List.of("评价次数", f.ratings()), List.of("平均评分", text(f.meanRating())));
        Spreadsheets.write(out, List.of(
                new Spreadsheets.Sheet("总览", List.of("指标", "数值"), totals),
                new Spreadsheets.Sheet("按镇街", List.of("镇街代码", "镇街", "指派覆盖企业", "已服务企业", "已响应指派",
                        "平均响应（工作日）"), towns),
                new Spreadsheets.Sheet("按机构", List.of("机构", "在岗顾问", "在办指派", "已服务企业", "服务次数", "已响应指派",
                        "平均响应（工作日）", "最长响应（工作日）", "评价次数", "平均评分"), institutions)));
    }

    static @Nullable BigDecimal mean(List<Integer> days) {
        if (days.isEmpty()) {
            return null;
        }
        long sum = days.stream().mapToLong(Integer::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
    }

    static @Nullable BigDecimal median(List<Integer> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Integer> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal m = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.TWO);
        return m.setScale(1, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal rating(@Nullable BigDecimal mean) {
        return mean == null ? null : mean.setScale(2, RoundingMode.HALF_UP);
    }

    private static String text(@Nullable BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }
}
