package org.sanrong.advisory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.Membership;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.platform.WorkingCalendar;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 金融顾问 use cases. An institution's administrator names advisers from its members; an enterprise asks for one;
 * government assigns advisers (by town, by industry, or answering a request); the adviser logs each service; the
 * enterprise rates each service once. Each party reads only its own assignments, government all. Every write is
 * audited; a refused one is audited as DENIED or FAILURE and changes nothing.
 */
@Service
public class Advisory {

    public static final int MAX_AREA = 100;
    public static final int DEFAULT_AREA = 20;

    private final Advisers advisers;
    private final AdviceRequests requests;
    private final Assignments assignments;
    private final EnterpriseBook enterprises;
    private final OrganisationRegistry registry;
    private final Membership membership;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;
    private final AdvisoryNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    Advisory(Advisers advisers, AdviceRequests requests, Assignments assignments, EnterpriseBook enterprises,
            OrganisationRegistry registry, Membership membership, ReferenceData reference, WorkingCalendar calendar,
            AdvisoryNotices notices, AuditTrail audit, Clock clock) {
        this.advisers = advisers;
        this.requests = requests;
        this.assignments = assignments;
        this.enterprises = enterprises;
        this.registry = registry;
        this.membership = membership;
        this.reference = reference;
        this.calendar = calendar;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- advisers -----------------------------------------------------------------------------------------------

    /** An institution's administrator names one of its active members as adviser; once per person. */
    @Transactional
    public Adviser.Id nameAdviser(@Nullable String username, @Nullable Collection<Speciality> specialities,
            @Nullable String phone, @Nullable String introduction, SignedInUser user) {
        if (!user.hasRole(Role.INSTITUTION) || !user.organisationAdmin()) {
            audit.recordIndependently(user.username(), user.organisationId(), "NAME_ADVISER", "adviser:new",
                    Outcome.DENIED, "非金融机构管理员");
            throw new AccessDeniedException("只有金融机构的管理员可以指定本机构的金融顾问");
        }
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        AccountView member = membership.membersOf(user.organisationId()).stream()
                .filter(a -> a.username().equals(name) && a.status() == org.sanrong.identity.Account.Status.ACTIVE)
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("username", "请选择本机构的在职成员"));
        if (advisers.byUsername(name).isPresent()) {
            throw InvalidRequestException.conflict("username", member.displayName() + " 已是金融顾问");
        }
        Adviser adviser = Adviser.name(user.organisationId(), user.organisationName(), name, member.displayName(),
                specialities, phone, introduction, user.username(), clock.instant());
        try {
            advisers.insert(adviser);
        } catch (DuplicateKeyException raced) {
            throw InvalidRequestException.conflict("username", member.displayName() + " 已是金融顾问");
        }
        audit.record(user.username(), user.organisationId(), "NAME_ADVISER", target(adviser), Outcome.SUCCESS,
                member.displayName());
        return adviser.id();
    }

    @Transactional
    public void reviseAdviser(Adviser.Id id, @Nullable Collection<Speciality> specialities, @Nullable String phone,
            @Nullable String introduction, SignedInUser user) {
        Adviser adviser = ownAdviser(id, user, "REVISE_ADVISER");
        adviser.revise(specialities, phone, introduction);
        advisers.update(adviser);
        audit.record(user.username(), user.organisationId(), "REVISE_ADVISER", target(adviser), Outcome.SUCCESS, null);
    }

    /** The adviser takes no new assignments; its live ones go on until government ends them. */
    @Transactional
    public void retireAdviser(Adviser.Id id, SignedInUser user) {
        Adviser adviser = ownAdviser(id, user, "RETIRE_ADVISER");
        try {
            adviser.retire();
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("adviserId", e.getMessage());
        }
        advisers.update(adviser);
        audit.record(user.username(), user.organisationId(), "RETIRE_ADVISER", target(adviser), Outcome.SUCCESS, null);
    }

    private Adviser ownAdviser(Adviser.Id id, SignedInUser user, String action) {
        Adviser adviser = advisers.findForUpdate(id).orElseThrow(() -> new NotFoundException("金融顾问不存在"));
        if (!adviser.institutionId().equals(user.organisationId()) || !user.organisationAdmin()) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(adviser), Outcome.DENIED,
                    "非本机构管理员");
            throw new AccessDeniedException("只有顾问所在机构的管理员可以修改");
        }
        return adviser;
    }

    /** The institution's advisers, active ones first. */
    @Transactional(readOnly = true)
    public List<AdviserView> advisersOfInstitution(SignedInUser user) {
        return advisers.ofInstitution(user.organisationId()).stream().map(AdviserView::of).toList();
    }

    /** Every active adviser, for government to choose from. */
    @Transactional(readOnly = true)
    public List<AdviserView> activeAdvisers() {
        return advisers.active().stream().map(AdviserView::of).toList();
    }

    /** The user as adviser, if they are one. */
    @Transactional(readOnly = true)
    public Optional<AdviserView> adviserOf(SignedInUser user) {
        return advisers.byUsername(user.username()).map(AdviserView::of);
    }

    /** Members of the user's institution who are not advisers yet, for the naming form. */
    @Transactional(readOnly = true)
    public List<AccountView> candidates(SignedInUser user) {
        return membership.membersOf(user.organisationId()).stream()
                .filter(a -> a.status() == org.sanrong.identity.Account.Status.ACTIVE)
                .filter(a -> advisers.byUsername(a.username()).isEmpty()).toList();
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    /** The enterprise asks for an adviser; every government department is told. One open request per speciality. */
    @Transactional
    public AdviceRequest.Id request(@Nullable Speciality speciality, @Nullable String description, SignedInUser user) {
        EnterpriseRef enterprise = ownEnterprise(user, "只有企业可以申请金融顾问");
        AdviceRequest request = AdviceRequest.open(enterprise, speciality, description, user.username(),
                clock.instant(), LocalDate.now(clock));
        try {
            requests.insert(request);
        } catch (DuplicateKeyException e) {
            throw InvalidRequestException.conflict("speciality", "贵企业已有一份未处理的“"
                    + AdvisoryNotices.label(request.speciality()) + "”顾问申请，请等待政府部门指派");
        }
        notices.requested(request, registry.search(null, OrganisationKind.GOVERNMENT, Organisation.Status.ACTIVE, 0,
                200).items().stream().map(OrganisationView::id).toList());
        audit.record(user.username(), user.organisationId(), "REQUEST_ADVISER", "advice-request:" + request.id().value(),
                Outcome.SUCCESS, AdvisoryNotices.label(request.speciality()));
        return request.id();
    }

    @Transactional
    public void cancelRequest(AdviceRequest.Id id, SignedInUser user) {
        AdviceRequest request = requests.findForUpdate(id).orElseThrow(() -> new NotFoundException("申请不存在"));
        if (!user.organisationId().equals(request.enterprise().organisationId())) {
            throw new NotFoundException("申请不存在");
        }
        try {
            request.cancel(clock.instant());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        requests.update(request);
        audit.record(user.username(), user.organisationId(), "CANCEL_ADVICE_REQUEST",
                "advice-request:" + id.value(), Outcome.SUCCESS, null);
    }

    /** Requests waiting for an adviser, oldest first; for government. */
    @Transactional(readOnly = true)
    public List<RequestView> openRequests(SignedInUser user) {
        requireOfficial(user);
        return requests.open().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<RequestView> requestsOfEnterprise(SignedInUser user) {
        return requests.ofEnterprise(user.organisationId()).stream().map(this::view).toList();
    }

    // ---- assignments --------------------------------------------------------------------------------------------

    /**
     * Government assigns an active adviser to an enterprise of the 企业库; the adviser and (when it is on the
     * platform) the enterprise are told. Refused with every problem by field; an adviser already serving the
     * enterprise is a conflict.
     */
    @Transactional
    public Assignment.Id assign(AssignmentOrder order, SignedInUser user) {
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), "ASSIGN_ADVISER", "assignment:new",
                    Outcome.DENIED, "非政府部门");
            throw new AccessDeniedException("只有政府部门可以指派金融顾问");
        }
        if (order.adviserId() == null) {
            throw new InvalidRequestException("adviserId", "请选择金融顾问");
        }
        Adviser adviser = advisers.find(new Adviser.Id(order.adviserId()))
                .orElseThrow(() -> new InvalidRequestException("adviserId", "金融顾问不存在"));
        AdviceRequest request = null;
        EnterpriseRef enterprise;
        if (order.requestId() != null) {
            request = requests.findForUpdate(new AdviceRequest.Id(order.requestId()))
                    .orElseThrow(() -> new InvalidRequestException("requestId", "企业的申请不存在"));
            if (request.status() != AdviceRequest.Status.OPEN) {
                throw InvalidRequestException.conflict("requestId", "该申请已" + (request.status()
                        == AdviceRequest.Status.ASSIGNED ? "指派顾问" : "被企业撤回"));
            }
            String code = order.enterpriseCreditCode();
            if (code != null && !code.isBlank() && !code.strip().equalsIgnoreCase(request.enterprise().creditCode())) {
                throw new InvalidRequestException("enterpriseCreditCode", "申请来自 " + request.enterprise().name()
                        + "，与所填企业不符");
            }
            enterprise = request.enterprise();
        } else {
            enterprise = enterpriseOf(order.enterpriseCreditCode());
        }
        Instant now = clock.instant();
        Assignment assignment = Assignment.assign(adviser, enterprise, order.basis(), request, order.assignedOn(),
                order.note(), user.username(), now, LocalDate.now(clock));
        try {
            assignments.insert(assignment);
        } catch (DuplicateKeyException e) {
            throw InvalidRequestException.conflict("adviserId", adviser.displayName() + " 已在为 " + enterprise.name()
                    + " 服务");
        }
        if (request != null) {
            request.assigned(assignment.id().value(), now);
            requests.update(request);
        }
        notices.assigned(assignment, adviser);
        audit.record(user.username(), user.organisationId(), "ASSIGN_ADVISER", target(assignment), Outcome.SUCCESS,
                adviser.displayName() + " → " + enterprise.name());
        return assignment.id();
    }

    /**
     * Government assigns one adviser to the enterprises of a town and/or an industry at once (basis TOWN when a town
     * is given, INDUSTRY otherwise): those the adviser does not serve yet, in name order, up to the limit. The
     * enterprises on the platform are told; the adviser gets one message for the lot.
     */
    @Transactional
    public AreaOrder.Result assignArea(AreaOrder order, SignedInUser user) {
        if (!official(user)) {
            audit.recordIndependently(user.username(), user.organisationId(), "ASSIGN_ADVISER_AREA", "assignment:new",
                    Outcome.DENIED, "非政府部门");
            throw new AccessDeniedException("只有政府部门可以指派金融顾问");
        }
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        Adviser adviser = order.adviserId() == null ? null : advisers.find(new Adviser.Id(order.adviserId())).orElse(null);
        if (adviser == null) {
            errors.put("adviserId", "请选择金融顾问");
        }
        String town = order.townCode() == null || order.townCode().isBlank() ? null : order.townCode().strip();
        String industry = order.industryPrefix() == null || order.industryPrefix().isBlank() ? null
                : order.industryPrefix().strip().toUpperCase(java.util.Locale.ROOT);
        if (town == null && industry == null) {
            errors.put("townCode", "请选择镇街或填写行业代码，或两者都填");
        }
        if (town != null && reference.town(town).isEmpty()) {
            errors.put("townCode", "未知的镇街代码：" + town);
        }
        if (industry != null && !ReferenceData.isPlausibleIndustryPrefix(industry)) {
            errors.put("industryPrefix", "行业代码应为门类字母加0至4位数字，如 C 或 C39");
        }
        int limit = order.limit() == null ? DEFAULT_AREA : order.limit();
        if (limit < 1 || limit > MAX_AREA) {
            errors.put("limit", "一次最多指派" + MAX_AREA + "家企业");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        java.util.Set<String> served = assignments.liveEnterprisesOf(adviser.id());
        java.util.Map<String, String> townCodes = new java.util.HashMap<>();
        reference.towns().forEach(t -> townCodes.put(t.name(), t.code()));
        List<EnterpriseRef> picked = new java.util.ArrayList<>();
        int skipped = 0;
        for (int page = 0; picked.size() < limit && page < 50; page++) {
            List<org.sanrong.enterprise.DirectoryRow> rows = enterprises.search(new org.sanrong.enterprise.DirectoryQuery(
                    null, town, industry, null, null, null), page, 100).items();
            for (var row : rows) {
                if (served.contains(row.creditCode())) {
                    skipped++;
                } else if (picked.size() < limit) {
                    picked.add(new EnterpriseRef(row.creditCode(), row.name(), row.onPlatform()
                            ? organisationOf(row.creditCode()) : null,
                            row.townName() == null ? null : townCodes.get(row.townName()), row.industryCode()));
                }
            }
            if (rows.size() < 100) {
                break;
            }
        }
        AssignmentBasis basis = town != null ? AssignmentBasis.TOWN : AssignmentBasis.INDUSTRY;
        Instant now = clock.instant();
        List<UUID> ids = new java.util.ArrayList<>();
        for (EnterpriseRef enterprise : picked) {
            Assignment a = Assignment.assign(adviser, enterprise, basis, null, order.assignedOn(), order.note(),
                    user.username(), now, LocalDate.now(clock));
            assignments.insert(a);
            notices.assignedToEnterprise(a, adviser);
            ids.add(a.id().value());
        }
        String area = (town == null ? "" : townName(town)) + (industry == null ? "" : (town == null ? "" : "、")
                + "行业 " + industry);
        if (!ids.isEmpty()) {
            notices.assignedArea(adviser, ids.size(), area);
        }
        audit.record(user.username(), user.organisationId(), "ASSIGN_ADVISER_AREA", "adviser:" + adviser.id().value(),
                Outcome.SUCCESS, adviser.displayName() + " → " + area + " " + ids.size() + "家");
        return new AreaOrder.Result(ids.size(), skipped, ids);
    }

    /** Government ends an assignment; its services and ratings stay. */
    @Transactional
    public void endAssignment(Assignment.Id id, SignedInUser user) {
        requireOfficial(user);
        Assignment a = assignments.findForUpdate(id).orElseThrow(AssignmentNotFound::new);
        try {
            a.end(clock.instant());
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
        assignments.update(a);
        audit.record(user.username(), user.organisationId(), "END_ASSIGNMENT", target(a), Outcome.SUCCESS, null);
    }

    /** One assignment, for its adviser, the adviser's institution, the enterprise and government; else not found. */
    @Transactional(readOnly = true)
    public AssignmentView assignment(Assignment.Id id, SignedInUser user) {
        Assignments.Row row = assignments.row(id).orElseThrow(AssignmentNotFound::new);
        if (partyOf(row, user) == Party.NONE) {
            throw new AssignmentNotFound();
        }
        return view(row, user);
    }

    /** The services of an assignment, latest first, each saying whether the reader may rate it. */
    @Transactional(readOnly = true)
    public List<ServiceView> services(Assignment.Id id, SignedInUser user) {
        Assignments.Row row = assignments.row(id).orElseThrow(AssignmentNotFound::new);
        Party party = partyOf(row, user);
        if (party == Party.NONE) {
            throw new AssignmentNotFound();
        }
        return assignments.servicesOf(id).stream().map(s -> view(s, party == Party.ENTERPRISE)).toList();
    }

    /** One service, for the parties of its assignment and government. */
    @Transactional(readOnly = true)
    public ServiceView service(ServiceRecord.Id id, SignedInUser user) {
        ServiceRecord s = assignments.findService(id).orElseThrow(() -> new NotFoundException("服务记录不存在"));
        Party party = partyOf(assignments.row(s.assignmentId()).orElseThrow(), user);
        if (party == Party.NONE) {
            throw new NotFoundException("服务记录不存在");
        }
        return view(s, party == Party.ENTERPRISE);
    }

    @Transactional(readOnly = true)
    public List<AssignmentView> assignmentsOfEnterprise(SignedInUser user) {
        return assignments.ofEnterprise(user.organisationId()).stream().map(r -> view(r, user)).toList();
    }

    /** The adviser's own assignments: those without a first service on top. */
    @Transactional(readOnly = true)
    public List<AssignmentView> assignmentsOfAdviser(SignedInUser user) {
        return advisers.byUsername(user.username()).map(a -> assignments.ofAdviser(a.id()).stream()
                .map(r -> view(r, user)).toList()).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<AssignmentView> assignmentsOfInstitution(SignedInUser user) {
        return assignments.ofInstitution(user.organisationId()).stream().map(r -> view(r, user)).toList();
    }

    /** Every assignment, latest first; for government. */
    @Transactional(readOnly = true)
    public ResultPage<AssignmentView> recentAssignments(SignedInUser user, int page, int size) {
        requireOfficial(user);
        int p = Math.max(0, page);
        int s = ResultPage.sizeOf(size);
        return new ResultPage<>(assignments.recent(s, (long) p * s).stream().map(r -> view(r, user)).toList(), p, s,
                assignments.count());
    }

    // ---- services -----------------------------------------------------------------------------------------------

    /** The assignment's adviser logs a visit or service; the enterprise is invited to rate it. */
    @Transactional
    public ServiceRecord.Id logService(Assignment.Id id, ServiceEntry entry, SignedInUser user) {
        Assignment a = assignments.findForUpdate(id).orElseThrow(AssignmentNotFound::new);
        Adviser adviser = advisers.find(a.adviserId()).orElseThrow();
        if (!adviser.username().equals(user.username())) {
            audit.recordIndependently(user.username(), user.organisationId(), "LOG_SERVICE", target(a),
                    Outcome.DENIED, "非该指派的顾问");
            if (partyOf(assignments.row(id).orElseThrow(), user) == Party.NONE) {
                throw new AssignmentNotFound();
            }
            throw new AccessDeniedException("只有被指派的顾问本人可以登记服务");
        }
        ServiceRecord service;
        try {
            service = ServiceRecord.log(a, entry.servedOn(), entry.type(), entry.summary(), entry.followUps(),
                    user.username(), clock.instant(), LocalDate.now(clock));
        } catch (IllegalStateException e) {
            throw failed(user, "LOG_SERVICE", target(a), InvalidRequestException.conflict("status", e.getMessage()));
        } catch (InvalidRequestException e) {
            throw failed(user, "LOG_SERVICE", target(a), e);
        }
        assignments.insertService(service);
        a.serviceLogged(service.servedOn());
        assignments.update(a);
        notices.serviceLogged(a, adviser, service);
        audit.record(user.username(), user.organisationId(), "LOG_SERVICE", target(a), Outcome.SUCCESS,
                service.servedOn() + " " + service.type());
        return service.id();
    }

    /** The served enterprise rates a service 1 to 5 with a comment, once; anyone else is refused. */
    @Transactional
    public void rate(ServiceRecord.Id id, @Nullable Integer score, @Nullable String comment, SignedInUser user) {
        ServiceRecord service = assignments.findService(id).orElseThrow(() -> new NotFoundException("服务记录不存在"));
        Assignments.Row row = assignments.row(service.assignmentId()).orElseThrow();
        String target = "service:" + id.value();
        if (partyOf(row, user) != Party.ENTERPRISE) {
            audit.recordIndependently(user.username(), user.organisationId(), "RATE_SERVICE", target, Outcome.DENIED,
                    "非接受服务的企业");
            throw new AccessDeniedException("只能评价为本企业提供的服务");
        }
        try {
            service.rate(score, comment, user.username(), clock.instant());
        } catch (IllegalStateException e) {
            throw failed(user, "RATE_SERVICE", target, InvalidRequestException.conflict("score", e.getMessage()));
        } catch (InvalidRequestException e) {
            throw failed(user, "RATE_SERVICE", target, e);
        }
        if (!assignments.saveRating(service)) {
            throw failed(user, "RATE_SERVICE", target, InvalidRequestException.conflict("score",
                    "该次服务刚刚已被评价，每次服务只能评价一次"));
        }
        audit.record(user.username(), user.organisationId(), "RATE_SERVICE", target, Outcome.SUCCESS,
                service.rating() + "星");
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private enum Party { ADVISER, INSTITUTION, ENTERPRISE, OFFICIAL, NONE }

    private Party partyOf(Assignments.Row row, SignedInUser user) {
        Assignment a = row.assignment();
        if (row.adviserUsername().equals(user.username())) {
            return Party.ADVISER;
        }
        if (user.hasRole(Role.ENTERPRISE) && user.organisationId().equals(a.enterprise().organisationId())) {
            return Party.ENTERPRISE;
        }
        if (user.hasRole(Role.INSTITUTION) && user.organisationId().equals(a.institutionId())) {
            return Party.INSTITUTION;
        }
        return official(user) ? Party.OFFICIAL : Party.NONE;
    }

    private AssignmentView view(Assignments.Row row, SignedInUser user) {
        Assignment a = row.assignment();
        Integer waiting = a.firstServiceOn() == null && a.status() == Assignment.Status.ACTIVE
                ? Math.max(0, calendar.workingDaysBetween(a.startedOn(), LocalDate.now(clock))) : null;
        return new AssignmentView(a.id().value(), a.adviserId().value(), row.adviserName(), row.adviserPhone(),
                row.institutionName(), a.enterprise().creditCode(), a.enterprise().name(),
                townName(a.enterprise().townCode()), a.enterprise().industryCode(), a.basis(),
                a.requestId() == null ? null : a.requestId().value(), a.startedOn(), a.assignedOn(), a.assignedBy(),
                a.note(), a.status(), a.firstServiceOn(), a.responseWorkingDays(calendar), waiting, row.services(),
                row.meanRating() == null ? null : row.meanRating().setScale(1, java.math.RoundingMode.HALF_UP),
                row.adviserUsername().equals(user.username())
                        && a.status() == Assignment.Status.ACTIVE);
    }

    private static ServiceView view(ServiceRecord s, boolean servedEnterprise) {
        return new ServiceView(s.id().value(), s.assignmentId().value(), s.servedOn(), s.type(), s.summary(),
                s.followUps(), s.loggedBy(), s.loggedAt(), s.rating(), s.ratingComment(), s.ratedAt(),
                servedEnterprise && s.rating() == null);
    }

    private RequestView view(AdviceRequest r) {
        EnterpriseRef e = r.enterprise();
        return new RequestView(r.id().value(), e.creditCode(), e.name(), e.townCode(), townName(e.townCode()),
                e.industryCode(), r.speciality(), r.description(), r.requestedOn(), r.requestedAt(), r.status(),
                r.assignmentId());
    }

    private @Nullable String townName(@Nullable String code) {
        return code == null ? null : reference.town(code).map(Town::name).orElse(code);
    }

    /** The user's own enterprise as the 企业库 knows it now. */
    private EnterpriseRef ownEnterprise(SignedInUser user, String refusal) {
        String code = user.hasRole(Role.ENTERPRISE) ? enterprises.ownCreditCode(user).orElse(null) : null;
        if (code == null) {
            throw new AccessDeniedException(refusal);
        }
        EnterpriseCard card = enterprises.card(code).orElseThrow();
        return new EnterpriseRef(code, card.name(), user.organisationId(), card.townCode(), card.industryCode());
    }

    /** An enterprise of the 企业库 by credit code, with its organisation when it registered on the platform. */
    private EnterpriseRef enterpriseOf(@Nullable String creditCode) {
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidRequestException("enterpriseCreditCode", "请填写企业的统一社会信用代码");
        }
        EnterpriseCard card = enterprises.card(code)
                .orElseThrow(() -> new InvalidRequestException("enterpriseCreditCode", "企业库中没有统一社会信用代码为 "
                        + code + " 的企业"));
        return new EnterpriseRef(code, card.name(), card.onPlatform() ? organisationOf(code) : null, card.townCode(),
                card.industryCode());
    }

    /** The organisation that registered with this credit code, if any. */
    private @Nullable UUID organisationOf(String creditCode) {
        return registry.search(creditCode, OrganisationKind.ENTERPRISE, null, 0, 5).items().stream()
                .filter(o -> creditCode.equals(o.creditCode())).map(OrganisationView::id).findFirst().orElse(null);
    }

    private InvalidRequestException failed(SignedInUser user, String action, String target,
            InvalidRequestException e) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE,
                String.join("；", e.fieldErrors().isEmpty() ? List.of(String.valueOf(e.getMessage()))
                        : e.fieldErrors().values()));
        return e;
    }

    private static boolean official(SignedInUser user) {
        return user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN);
    }

    private static void requireOfficial(SignedInUser user) {
        if (!official(user)) {
            throw new AccessDeniedException("只有政府部门可以查看");
        }
    }

    static String target(Assignment a) {
        return "assignment:" + a.id().value();
    }

    private static String target(Adviser a) {
        return "adviser:" + a.id().value();
    }

    private static final class AssignmentNotFound extends NotFoundException {
        AssignmentNotFound() {
            super("顾问指派不存在");
        }
    }
}
