package org.sanrong.achievement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 科技成果库 use cases. An enterprise records its own achievements; a government department or the operator records a
 * university's or research institute's and answers for it; only the organisation that answers for an achievement
 * edits it and reads the interests in it. Every signed-in user searches the published ones; an enterprise
 * expresses interest once per achievement, and the owner hears of it in the inbox. Every write is audited; a refused
 * one is audited as DENIED or FAILURE and changes nothing.
 */
@Service
public class AchievementLibrary {

    /** The catalogue's product type of IP-pledge loans ({@code catalog.ProductType.IP_PLEDGE_LOAN}). */
    public static final String IP_PLEDGE_LOAN = "IP_PLEDGE_LOAN";
    public static final int MAX_MESSAGE = 500;

    private final Achievements achievements;
    private final ReferenceData reference;
    private final EnterpriseBook enterprises;
    private final Matchmaking matchmaking;
    private final AchievementNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    AchievementLibrary(Achievements achievements, ReferenceData reference, EnterpriseBook enterprises,
            Matchmaking matchmaking, AchievementNotices notices, AuditTrail audit, Clock clock) {
        this.achievements = achievements;
        this.reference = reference;
        this.enterprises = enterprises;
        this.matchmaking = matchmaking;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- recording ----------------------------------------------------------------------------------------------

    /**
     * Records a published achievement. An enterprise owns what it records; government and the operator record a
     * named university's or institute's ({@code ownerType}, {@code ownerName}); institutions record none.
     */
    @Transactional
    public Achievement.Id record(AchievementContent content, SignedInUser user) {
        Owner owner;
        if (user.hasRole(Role.ENTERPRISE)) {
            String code = enterprises.ownCreditCode(user)
                    .orElseThrow(() -> new AccessDeniedException("当前账号不属于企业库中的企业"));
            EnterpriseCard card = enterprises.card(code).orElseThrow();
            owner = Owner.enterprise(card.name(), code, user.organisationId());
        } else if (official(user)) {
            owner = new Owner(OwnerType.UNIVERSITY, "", null, null); // replaced by the content's named owner
        } else {
            audit.recordIndependently(user.username(), user.organisationId(), "CREATE_ACHIEVEMENT", "achievement:new",
                    Outcome.DENIED, "金融机构不能登记科技成果");
            throw new AccessDeniedException("科技成果由企业自行登记，高校和科研院所的成果由政府部门代为登记");
        }
        Instant now = clock.instant();
        Achievement a = Achievement.record(content, owner, user.organisationId(), user.organisationName(),
                this::industryExists, user.username(), now, LocalDate.now(clock));
        try {
            achievements.insert(a);
        } catch (DuplicateKeyException e) {
            throw duplicatePatent(a);
        }
        audit.record(user.username(), user.organisationId(), "CREATE_ACHIEVEMENT", target(a.id()), Outcome.SUCCESS,
                a.title());
        return a.id();
    }

    @Transactional
    public void update(Achievement.Id id, AchievementContent content, SignedInUser user) {
        Achievement a = managed(id, user, "UPDATE_ACHIEVEMENT");
        a.revise(content, this::industryExists, clock.instant(), LocalDate.now(clock));
        try {
            achievements.update(a);
        } catch (DuplicateKeyException e) {
            throw duplicatePatent(a);
        }
        audit.record(user.username(), user.organisationId(), "UPDATE_ACHIEVEMENT", target(id), Outcome.SUCCESS,
                a.title());
    }

    /** Takes an achievement out of the library (its interests stay); {@link #republish} puts it back. */
    @Transactional
    public void withdraw(Achievement.Id id, SignedInUser user) {
        Achievement a = managed(id, user, "WITHDRAW_ACHIEVEMENT");
        move(a, user, "WITHDRAW_ACHIEVEMENT", () -> a.withdraw(clock.instant()));
    }

    @Transactional
    public void republish(Achievement.Id id, SignedInUser user) {
        Achievement a = managed(id, user, "REPUBLISH_ACHIEVEMENT");
        move(a, user, "REPUBLISH_ACHIEVEMENT", () -> a.republish(clock.instant()));
    }

    private void move(Achievement a, SignedInUser user, String action, Runnable move) {
        try {
            move.run();
        } catch (IllegalStateException e) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(a.id()),
                    Outcome.FAILURE, e.getMessage());
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        achievements.update(a);
        audit.record(user.username(), user.organisationId(), action, target(a.id()), Outcome.SUCCESS, null);
    }

    // ---- interest -----------------------------------------------------------------------------------------------

    /**
     * An enterprise tells the owner it is interested, with a message and optionally which of the offered ways it
     * has in mind. Once per enterprise and achievement: a second time is refused (409) with the date of the first.
     */
    @Transactional
    public UUID expressInterest(Achievement.Id id, @Nullable Intent intent, @Nullable String message,
            SignedInUser user) {
        String code = user.hasRole(Role.ENTERPRISE) ? enterprises.ownCreditCode(user).orElse(null) : null;
        if (code == null) {
            throw new AccessDeniedException("只有企业可以表达合作意向");
        }
        Achievement a = achievements.find(id).orElseThrow(AchievementNotFound::new);
        if (a.status() != AchievementStatus.PUBLISHED) {
            throw refusedInterest(a, user, InvalidRequestException.conflict("status", "该成果已下架，不能表达意向"));
        }
        if (a.managingOrganisationId().equals(user.organisationId())) {
            throw refusedInterest(a, user, new InvalidRequestException("achievement", "这是本企业登记的成果，不能对其表达意向"));
        }
        String m = message == null ? "" : message.strip();
        if (m.isEmpty()) {
            throw new InvalidRequestException("message", "请写几句话说明合作设想，成果所有者会看到");
        }
        if (m.codePointCount(0, m.length()) > MAX_MESSAGE) {
            throw new InvalidRequestException("message", "留言不能超过" + MAX_MESSAGE + "个字");
        }
        if (intent != null && !a.intents().contains(intent)) {
            throw new InvalidRequestException("intent", "所有者未提供该合作方式，请在成果列明的方式中选择");
        }
        Optional<InterestView> earlier = achievements.interestOf(id, user.organisationId());
        if (earlier.isPresent()) {
            throw refusedInterest(a, user, duplicateInterest(earlier.get().createdAt()));
        }
        EnterpriseCard card = enterprises.card(code).orElseThrow();
        UUID interestId = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            achievements.insertInterest(interestId, id, user.organisationId(), card.name(), code, user.username(),
                    user.displayName(), intent, m, now);
        } catch (DuplicateKeyException raced) {
            throw refusedInterest(a, user, duplicateInterest(now));
        }
        notices.interestExpressed(a, card.name(), intent, m);
        audit.record(user.username(), user.organisationId(), "EXPRESS_INTEREST", target(id), Outcome.SUCCESS,
                card.name());
        return interestId;
    }

    private InvalidRequestException refusedInterest(Achievement a, SignedInUser user, InvalidRequestException e) {
        audit.recordIndependently(user.username(), user.organisationId(), "EXPRESS_INTEREST", target(a.id()),
                Outcome.FAILURE, e.getMessage());
        return e;
    }

    private InvalidRequestException duplicateInterest(Instant first) {
        return InvalidRequestException.conflict("achievement", "本企业已于 " + LocalDate.ofInstant(first, clock.getZone())
                + " 对该成果表达过意向，请等待所有者联系，或直接拨打成果联系电话");
    }

    /** The interests in one achievement, for the organisation that answers for it (and government). */
    @Transactional(readOnly = true)
    public List<InterestView> interests(Achievement.Id id, SignedInUser user) {
        Achievement a = achievements.find(id).orElseThrow(AchievementNotFound::new);
        if (!manages(a, user) && !official(user)) {
            throw new AccessDeniedException("只有成果所有者可以查看意向");
        }
        return achievements.interestsIn(id);
    }

    /** Interests in everything the user's organisation answers for, newest first. */
    @Transactional(readOnly = true)
    public List<InterestView> interestsReceived(SignedInUser user) {
        return achievements.interestsReceivedBy(user.organisationId(), 200);
    }

    /** What the user's enterprise has expressed interest in, newest first. */
    @Transactional(readOnly = true)
    public List<InterestView> interestsExpressed(SignedInUser user) {
        return achievements.interestsExpressedBy(user.organisationId());
    }

    /** The reader's enterprise's interest in this achievement, if it expressed one. */
    @Transactional(readOnly = true)
    public Optional<InterestView> ownInterest(Achievement.Id id, SignedInUser user) {
        return achievements.interestOf(id, user.organisationId());
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** One achievement; a withdrawn one only for the organisation that answers for it. */
    @Transactional(readOnly = true)
    public AchievementView view(Achievement.Id id, SignedInUser user) {
        Achievement a = achievements.find(id).orElseThrow(AchievementNotFound::new);
        if (a.status() != AchievementStatus.PUBLISHED && !manages(a, user) && !official(user)) {
            throw new AchievementNotFound();
        }
        return view(a, achievements.interestCount(id), user,
                achievements.interestOf(id, user.organisationId()).isPresent());
    }

    /**
     * Published achievements matching the query, paged. A malformed industry prefix or a level outside 1-9 is
     * refused with the field named.
     */
    @Transactional(readOnly = true)
    public ResultPage<AchievementView> search(AchievementQuery query, SignedInUser user, int page, int size) {
        if (query.industry() != null && !query.industry().isBlank()
                && !ReferenceData.isPlausibleIndustryPrefix(query.industry())) {
            throw new InvalidRequestException("industry", "行业代码应为门类字母加0至4位数字，如 C 或 C39");
        }
        if (query.minTrl() != null && !ReadinessLevel.valid(query.minTrl())) {
            throw new InvalidRequestException("trl", "技术成熟度应为1至9级");
        }
        if (query.text() != null && query.text().length() > 100) {
            throw new InvalidRequestException("q", "搜索词不能超过100个字");
        }
        int p = Math.max(0, page);
        int s = ResultPage.sizeOf(size);
        long total = achievements.count(query);
        List<AchievementView> items = total == 0 ? List.of()
                : achievements.search(query, s, (long) p * s).stream()
                        .map(f -> view(f.achievement(), f.interests(), user, false)).toList();
        return new ResultPage<>(items, p, s, total);
    }

    /** Everything the user's organisation answers for, withdrawn ones too. */
    @Transactional(readOnly = true)
    public List<AchievementView> managed(SignedInUser user) {
        return achievements.managedBy(user.organisationId()).stream()
                .map(f -> view(f.achievement(), f.interests(), user, false)).toList();
    }

    /** An enterprise's published achievements, for its profile. */
    @Transactional(readOnly = true)
    public List<AchievementView> ofEnterprise(String creditCode, SignedInUser user) {
        return achievements.ofOwnerEnterprise(creditCode).stream()
                .map(f -> view(f.achievement(), f.interests(), user, false)).toList();
    }

    /** The content as last saved, to fill the edit form; only for the organisation that answers for it. */
    @Transactional(readOnly = true)
    public AchievementContent content(Achievement.Id id, SignedInUser user) {
        Achievement a = achievements.find(id).orElseThrow(AchievementNotFound::new);
        if (!manages(a, user)) {
            throw new AccessDeniedException("只有成果所有者可以修改");
        }
        boolean external = a.owner().type() != OwnerType.ENTERPRISE;
        return new AchievementContent(a.kind(), a.title(), a.description(), a.industryCode(), a.trl(), a.intents(),
                a.patent() == null ? null : a.patent().value(), a.contactName(), a.contactPhone(),
                external ? a.owner().type() : null, external ? a.owner().name() : null);
    }

    /**
     * The IP-pledge loans ({@link #IP_PLEDGE_LOAN}) the owning enterprise qualifies for, best first, for a granted
     * patent of an enterprise. Only the owner and government see them (eligibility is the enterprise's own
     * business); everyone else, and any other achievement, gets none.
     */
    @Transactional(readOnly = true)
    public List<ProductMatch> pledgeProducts(Achievement.Id id, SignedInUser user) {
        Achievement a = achievements.find(id).orElseThrow(AchievementNotFound::new);
        String code = a.owner().creditCode();
        if (code == null || a.patent() == null || !a.patent().granted() || (!manages(a, user) && !official(user))) {
            return List.of();
        }
        return matchmaking.forEnterprise(code, user).stream()
                .filter(m -> IP_PLEDGE_LOAN.equals(m.productType()) && m.eligible()).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return achievements.count();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private AchievementView view(Achievement a, long interests, SignedInUser user, boolean interested) {
        String industryName = reference.industry(a.industryCode()).map(Industry::name).orElse(null);
        PatentNumber p = a.patent();
        return new AchievementView(a.id().value(), a.kind(), a.title(), a.description(), a.owner().type(),
                a.owner().name(), a.owner().creditCode(), a.managingOrganisationName(), a.industryCode(),
                industryName, a.trl(), ReadinessLevel.label(a.trl()), a.intents(), p == null ? null : p.value(),
                p == null ? null : p.type(), p != null && p.granted(), a.contactName(), a.contactPhone(), a.status(),
                a.createdAt(), a.updatedAt(), interests, manages(a, user), interested);
    }

    /** The achievement, locked, if the user's organisation answers for it; otherwise audited as DENIED and refused. */
    private Achievement managed(Achievement.Id id, SignedInUser user, String action) {
        Achievement a = achievements.findForUpdate(id).orElseThrow(AchievementNotFound::new);
        if (!manages(a, user)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非本组织登记的成果");
            throw new AccessDeniedException("只有登记该成果的组织可以修改它");
        }
        return a;
    }

    private static boolean manages(Achievement a, SignedInUser user) {
        return a.managingOrganisationId().equals(user.organisationId());
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private boolean industryExists(String code) {
        return reference.industry(code).isPresent();
    }

    private static InvalidRequestException duplicatePatent(Achievement a) {
        return InvalidRequestException.conflict("patentNumber", "专利 " + (a.patent() == null ? "" : a.patent().value())
                + " 已登记在成果库中，同一专利只能登记一次");
    }

    static String target(Achievement.Id id) {
        return "achievement:" + id.value();
    }

    private static final class AchievementNotFound extends NotFoundException {
        AchievementNotFound() {
            super("科技成果不存在");
        }
    }
}
