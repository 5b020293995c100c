package org.sanrong.subsidy;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment batches (docs/subsidy.md "Batches"). A batch takes a policy year's approved entitlements not yet batched
 * and allocates what the budget has left (the budget's ledger balance less what open batches already promised): first
 * come first served in approval order until the next does not fit; pro rata at the cut-off date (each item gets the
 * same share, rounded down to the fen, so the total never exceeds the budget); or a ranked list (择优) from which
 * officials choose, nothing selected automatically. Checked by an official other than the maker; above
 * {@code sanrong.subsidy.second-approval-above} yuan a third official approves. Payment posts one ledger entry per
 * item under the key {@code subsidy:pay:<entitlement>}, each item in its own transaction, so an interrupted payment
 * resumes where it stopped and never pays twice.
 */
@Service
public class SubsidyBatches {

    private final BatchRows batches;
    private final Entitlements entitlements;
    private final PolicyCatalog catalog;
    private final Subsidies subsidies;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long secondApprovalAboveFen;
    private final PaidPolicyVersions paidVersions;
    private final Payouts payouts;

    SubsidyBatches(BatchRows batches, Entitlements entitlements, PolicyCatalog catalog, Subsidies subsidies,
            AuditTrail audit, TransactionTemplate tx, Clock clock,
            @Value("${sanrong.subsidy.second-approval-above:1000000.00}") BigDecimal secondApprovalAbove,
            PaidPolicyVersions paidVersions, Payouts payouts) {
        this.paidVersions = paidVersions;
        this.payouts = payouts;
        this.batches = batches;
        this.entitlements = entitlements;
        this.catalog = catalog;
        this.subsidies = subsidies;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.secondApprovalAboveFen = org.sanrong.platform.Fen.ofYuan(secondApprovalAbove);
    }

    /** Prepares the next batch of a policy's year by its allocation mode. */
    @Transactional
    public Batch prepare(String policyCode, int year, SignedInUser user) {
        return attempt(user, "SUBSIDY_BATCH_PREPARE", policyCode + ":" + year, () -> {
            requireGov(user);
            Policy p = catalog.latest(policyCode).orElseThrow(() -> new NotFoundException("没有这项政策：" + policyCode));
            entitlements.lockKey("subsidy-batch|" + policyCode + "|" + year);
            long budget = subsidies.fundBudget(policyCode, year);
            long available = Math.max(0, budget - batches.committedFen(policyCode, year));
            LocalDate today = LocalDate.now(clock.withZone(Subsidies.CHINA));
            if (p.allocation() == Policy.Allocation.PRO_RATA && today.isBefore(p.cutOffFor(year))) {
                throw InvalidRequestException.conflict("cutOff", p.code() + " 按比例分配，" + year + " 年度的截止日为 "
                        + p.cutOffFor(year) + "，截止日后才能生成批次");
            }
            List<Entitlement> candidates = new ArrayList<>(batches.candidates(entitlements, policyCode, year));
            if (candidates.isEmpty()) {
                throw InvalidRequestException.conflict("batch", p.code() + " " + year + " 年度没有待拨付的已审核补贴");
            }
            List<Batch.Item> items = new ArrayList<>();
            switch (p.allocation()) {
                case FIRST_COME -> {
                    long sum = 0;
                    for (Entitlement e : candidates) {
                        if (sum + e.amountFen() > available) {
                            break; // first come, first served: the rest waits for more budget
                        }
                        sum += e.amountFen();
                        items.add(item(e, items.size() + 1, e.amountFen(), true));
                    }
                    if (items.isEmpty()) {
                        throw InvalidRequestException.conflict("budget", p.code() + " " + year + " 年度预算余额 "
                                + Calculation.yuan(available) + " 元，不足以拨付排在最前的 "
                                + candidates.getFirst().amountYuan() + " 元");
                    }
                }
                case PRO_RATA -> {
                    long claimed = candidates.stream().mapToLong(Entitlement::amountFen).sum();
                    for (Entitlement e : candidates) {
                        long share = claimed <= available ? e.amountFen() : BigInteger.valueOf(e.amountFen())
                                .multiply(BigInteger.valueOf(available)).divide(BigInteger.valueOf(claimed))
                                .longValueExact();
                        items.add(item(e, items.size() + 1, share, true));
                    }
                }
                case RANKED -> {
                    candidates.sort(Comparator.comparingLong(Entitlement::amountFen).reversed()
                            .thenComparing(Entitlement::eventDate));
                    for (Entitlement e : candidates) {
                        items.add(item(e, items.size() + 1, e.amountFen(), false));
                    }
                }
            }
            long total = items.stream().filter(Batch.Item::selected).mapToLong(Batch.Item::allocatedFen).sum();
            Batch b = new Batch(UUID.randomUUID(), policyCode, year, p.allocation(), Batch.Status.PREPARED, available,
                    total, user.username(), clock.instant(), null, null, null, items);
            batches.insert(b);
            audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_PREPARE", target(b.id()),
                    Outcome.SUCCESS, p.allocation() + " " + items.size() + " 项，合计 " + b.totalYuan() + " 元，可用预算 "
                            + b.availableYuan() + " 元");
            return batches.find(b.id(), false).orElseThrow();
        });
    }

    private static Batch.Item item(Entitlement e, int rank, long allocated, boolean selected) {
        return new Batch.Item(e.id().value(), rank, e.beneficiaryName(), e.enterpriseCode(), e.eventDate(),
                e.amountFen(), allocated, selected, null);
    }

    /** 择优: officials choose the items of a ranked batch; the choice must fit the budget. */
    @Transactional
    public Batch select(UUID id, List<UUID> chosen, SignedInUser user) {
        return attempt(user, "SUBSIDY_BATCH_SELECT", target(id), () -> {
            Batch b = official(id, user);
            if (b.allocation() != Policy.Allocation.RANKED || b.status() != Batch.Status.PREPARED) {
                throw InvalidRequestException.conflict("status", "只有待复核的择优批次可以选定");
            }
            Set<UUID> in = new java.util.HashSet<>(b.items().stream().map(Batch.Item::entitlementId).toList());
            if (!in.containsAll(chosen)) {
                throw new InvalidRequestException("selected", "选定的补贴不在本批次中");
            }
            long total = b.items().stream().filter(i -> chosen.contains(i.entitlementId()))
                    .mapToLong(Batch.Item::allocatedFen).sum();
            if (total > b.availableFen()) {
                throw InvalidRequestException.conflict("budget", "选定合计 " + Calculation.yuan(total) + " 元，超出可用预算 "
                        + b.availableYuan() + " 元");
            }
            batches.select(id, chosen);
            audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_SELECT", target(id), Outcome.SUCCESS,
                    chosen.size() + " 项，合计 " + Calculation.yuan(total) + " 元");
            return batches.find(id, false).orElseThrow();
        });
    }

    /** The check by an official other than the maker; above the configured amount a second approval follows. */
    @Transactional
    public Batch check(UUID id, SignedInUser user) {
        return attempt(user, "SUBSIDY_BATCH_CHECK", target(id), () -> {
            Batch b = official(id, user);
            if (b.status() != Batch.Status.PREPARED) {
                throw InvalidRequestException.conflict("status", "只有待复核的批次可以复核（当前：" + b.status() + "）");
            }
            if (user.username().equals(b.madeBy())) {
                throw InvalidRequestException.conflict("checker", "生成批次的人不能复核同一批次（经办与复核须为不同人员）");
            }
            if (b.totalFen() == 0) {
                throw InvalidRequestException.conflict("selected", "批次中没有选定的补贴");
            }
            Batch.Status next = b.totalFen() > secondApprovalAboveFen ? Batch.Status.CHECKED : Batch.Status.APPROVED;
            batches.status(id, next, user.username(), null, clock.instant());
            audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_CHECK", target(id), Outcome.SUCCESS,
                    "PREPARED → " + next);
            return batches.find(id, false).orElseThrow();
        });
    }

    /** The second approval of a batch above the configured amount, by a third official. */
    @Transactional
    public Batch approve(UUID id, SignedInUser user) {
        return attempt(user, "SUBSIDY_BATCH_APPROVE", target(id), () -> {
            Batch b = official(id, user);
            if (b.status() != Batch.Status.CHECKED) {
                throw InvalidRequestException.conflict("status", "只有已复核、待二次审批的批次可以审批（当前：" + b.status() + "）");
            }
            if (user.username().equals(b.madeBy()) || user.username().equals(b.checkedBy())) {
                throw InvalidRequestException.conflict("approver", "二次审批须由经办和复核以外的人员进行");
            }
            batches.status(id, Batch.Status.APPROVED, null, user.username(), clock.instant());
            audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_APPROVE", target(id), Outcome.SUCCESS,
                    "CHECKED → APPROVED");
            return batches.find(id, false).orElseThrow();
        });
    }

    /**
     * Pays an approved batch (or resumes a batch whose payment was interrupted): each selected item in its own
     * transaction, one ledger entry per item under its idempotent key. Not transactional itself on purpose.
     */
    public Batch pay(UUID id, SignedInUser user) {
        Batch b = tx.execute(s -> attempt(user, "SUBSIDY_BATCH_PAY", target(id), () -> {
            Batch locked = official(id, user);
            if (locked.status() == Batch.Status.APPROVED) {
                batches.status(id, Batch.Status.PAYING, null, null, clock.instant());
                audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_PAY", target(id),
                        Outcome.SUCCESS, "APPROVED → PAYING");
            } else if (locked.status() != Batch.Status.PAYING && locked.status() != Batch.Status.PAID) {
                throw InvalidRequestException.conflict("status", "批次须经复核（及二次审批）后才能拨付（当前：" + locked.status()
                        + "）");
            }
            return locked;
        }));
        if (b.status() == Batch.Status.PAID) {
            return b;
        }
        return payItems(id, user.username());
    }

    /** Pays what is left of a PAYING batch, item by item; then marks it PAID. */
    Batch payItems(UUID id, String actor) {
        for (Batch.Item item : batches.items(id)) {
            if (item.selected() && item.paidAt() == null) {
                tx.executeWithoutResult(s -> payItem(id, item, actor));
            }
        }
        return tx.execute(s -> {
            Batch b = batches.find(id, true).orElseThrow();
            if (b.status() == Batch.Status.PAYING && b.items().stream().allMatch(i -> !i.selected()
                    || i.paidAt() != null)) {
                batches.status(id, Batch.Status.PAID, null, null, clock.instant());
                audit.record(actor, null, "SUBSIDY_BATCH_PAY", target(id), Outcome.SUCCESS, "PAYING → PAID "
                        + b.totalYuan() + " 元");
            }
            return batches.find(id, false).orElseThrow();
        });
    }

    private void payItem(UUID batchId, Batch.Item item, String actor) {
        Entitlement e = entitlements.findForUpdate(new Entitlement.Id(item.entitlementId())).orElseThrow();
        payouts.pay(e, item.allocatedFen(), LocalDate.now(clock.withZone(Subsidies.CHINA)),
                "补贴拨付 " + e.policyCode() + " " + e.beneficiaryName() + "（批次 " + batchId + "）", actor);
        entitlements.markPaid(e.id(), item.allocatedFen(), actor, clock.instant());
        paidVersions.paidUnder(e.policyCode(), e.policyVersion());
        if (batches.markItemPaid(batchId, item.entitlementId(), clock.instant())) {
            audit.record(actor, null, "SUBSIDY_PAY", Subsidies.target(e.id()), Outcome.SUCCESS, "批次 " + batchId
                    + " 拨付 " + item.allocatedYuan() + " 元");
        }
    }

    /** Batches whose payment was interrupted (status PAYING), for resuming at start. */
    public List<UUID> unfinished() {
        return batches.unfinished();
    }

    /** Resumes an interrupted batch payment (at start), as the system. */
    public Batch resume(UUID id) {
        return payItems(id, "system");
    }

    @Transactional(readOnly = true)
    public List<Batch> all(SignedInUser user) {
        requireGov(user);
        return batches.all(200);
    }

    @Transactional(readOnly = true)
    public Batch view(UUID id, SignedInUser user) {
        requireGov(user);
        return batches.find(id, false).orElseThrow(() -> new NotFoundException("没有这个批次"));
    }

    /** The batch as an Excel sheet for the finance bureau (the export is audited). */
    @Transactional
    public void export(UUID id, SignedInUser user, OutputStream out) {
        Batch b = view(id, user);
        Policy p = catalog.latest(b.policyCode()).orElseThrow();
        List<List<Object>> rows = new ArrayList<>();
        for (Batch.Item i : b.items()) {
            rows.add(List.of(i.rank(), b.policyCode(), p.name(), b.year(), i.beneficiaryName(), i.enterpriseCode(),
                    i.eventDate().toString(), i.claimedYuan(), i.allocatedYuan(), i.selected() ? "是" : "否",
                    i.paidAt() == null ? "" : i.paidAt().toString()));
        }
        audit.record(user.username(), user.organisationId(), "SUBSIDY_BATCH_EXPORT", target(id), Outcome.SUCCESS,
                rows.size() + " 行");
        Spreadsheets.write(out, "补贴拨付批次", List.of("序号", "政策编号", "政策名称", "年度", "受益方", "企业信用代码",
                "发生日期", "核定金额（元）", "拨付金额（元）", "选定", "拨付时间"), rows.iterator());
    }

    private Batch official(UUID id, SignedInUser user) {
        requireGov(user);
        return batches.find(id, true).orElseThrow(() -> new NotFoundException("没有这个批次"));
    }

    private static void requireGov(SignedInUser user) {
        if (!user.hasRole(Role.GOV)) {
            throw new org.springframework.security.access.AccessDeniedException("仅政府部门可操作");
        }
    }

    static String target(UUID id) {
        return "subsidy-batch:" + id;
    }

    private <T> T attempt(SignedInUser user, String action, String target, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidRequestException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE,
                    e.getMessage());
            throw e;
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED,
                    e.getMessage());
            throw e;
        }
    }
}
