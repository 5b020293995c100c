package org.sanrong.catalog;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.OrganisationMember;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 金融超市: institutions write and submit their products, government reviewers approve or return them, everyone
 * browses what is published. Who may do what is decided here from the actor's organisation, not in the pages;
 * a change refused because the product belongs to another institution is audited as DENIED.
 */
@Service
public class ProductCatalog {

    /** At most this many products side by side. */
    public static final int COMPARE_LIMIT = 3;

    private final FinancialProducts products;
    private final ReferenceData reference;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean reviewRequired;

    ProductCatalog(FinancialProducts products, ReferenceData reference, OrganisationRegistry registry,
            AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
            @Value("${sanrong.catalog.review-required:true}") boolean reviewRequired) {
        this.products = products;
        this.reference = reference;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reviewRequired = reviewRequired;
    }

    /** Whether a government review sits between submission and publication ({@code sanrong.catalog.review-required}). */
    public boolean reviewRequired() {
        return reviewRequired;
    }

    // ---- the institution's side -------------------------------------------------------------------------------

    /** An institution saves a new draft; every problem of the content is reported at once, nothing is saved. */
    @Transactional
    public UUID create(ProductContent content, OrganisationMember actor) {
        OrganisationView institution = organisationOf(actor);
        if (institution.kind() != OrganisationKind.INSTITUTION || institution.institutionType() == null) {
            throw new AccessDeniedException("只有金融机构可以发布金融产品");
        }
        check(content.draftProblems(), content);
        FinancialProduct product = FinancialProduct.draft(institution.id(), institution.name(),
                institution.institutionType(), content, actor.username(), clock.instant());
        products.insert(product);
        audit.record(actor.username(), actor.organisationId(), "CREATE_PRODUCT", target(product.id().value()),
                Outcome.SUCCESS, content.name());
        return product.id().value();
    }

    /**
     * The owning institution changes its product. A published product must stay complete and becomes the next
     * version at once; anyone else is refused (403) and the attempt audited.
     */
    @Transactional
    public void edit(UUID id, ProductContent content, OrganisationMember actor) {
        FinancialProduct product = owned(id, actor, "UPDATE_PRODUCT");
        LocalDate today = today();
        check(product.status() == FinancialProduct.Status.PUBLISHED ? content.publishProblems(today)
                : content.draftProblems(), content);
        int before = product.version();
        Instant now = clock.instant();
        guard(() -> product.edit(content, today, now));
        products.update(product);
        audit.record(actor.username(), actor.organisationId(), "UPDATE_PRODUCT", target(id), Outcome.SUCCESS,
                product.version() > before ? "第" + product.version() + "版" : content.name());
        publishedIfNew(product, before, actor.username(), now);
    }

    /** The owner submits a complete draft: for review, or straight onto the shelf when review is not required. */
    @Transactional
    public FinancialProduct.Status submit(UUID id, OrganisationMember actor) {
        FinancialProduct product = owned(id, actor, "SUBMIT_PRODUCT");
        check(product.content().publishProblems(today()), product.content());
        int before = product.version();
        Instant now = clock.instant();
        guard(() -> product.submit(reviewRequired, today(), now));
        products.update(product);
        audit.record(actor.username(), actor.organisationId(), "SUBMIT_PRODUCT", target(id), Outcome.SUCCESS,
                product.status().name());
        publishedIfNew(product, before, actor.username(), now);
        return product.status();
    }

    /** The owner takes a published product off the shelf (or a submission back to draft). */
    @Transactional
    public void withdraw(UUID id, OrganisationMember actor) {
        FinancialProduct product = owned(id, actor, "WITHDRAW_PRODUCT");
        FinancialProduct.Status before = product.status();
        guard(() -> product.withdraw(clock.instant()));
        products.update(product);
        audit.record(actor.username(), actor.organisationId(), "WITHDRAW_PRODUCT", target(id), Outcome.SUCCESS,
                before.name());
        if (before == FinancialProduct.Status.PUBLISHED) {
            events.publishEvent(new ProductWithdrawn(id, product.version(), product.institutionId(), false));
        }
    }

    /** The institution's own products, newest change first. */
    @Transactional(readOnly = true)
    public List<ProductView> ofInstitution(OrganisationMember actor) {
        return products.ofInstitution(actor.organisationId()).stream().map(this::view).toList();
    }

    /** The working copy, for its institution and for government and operator staff. */
    @Transactional(readOnly = true)
    public ProductView workingCopy(UUID id, OrganisationMember actor) {
        FinancialProduct product = products.find(id).orElseThrow(ProductCatalog::notFound);
        if (!product.ownedBy(actor.organisationId()) && !official(actor)) {
            throw new AccessDeniedException("只能查看本机构的产品草稿");
        }
        return view(product);
    }

    // ---- the government's side --------------------------------------------------------------------------------

    /** Submissions waiting for a government reviewer, oldest first. */
    @Transactional(readOnly = true)
    public List<ProductView> reviewQueue(OrganisationMember actor) {
        requireOfficial(actor);
        return products.withStatus(FinancialProduct.Status.SUBMITTED).stream().map(this::view).toList();
    }

    @Transactional
    public void approve(UUID id, OrganisationMember actor) {
        requireOfficial(actor);
        FinancialProduct product = products.findForUpdate(id).orElseThrow(ProductCatalog::notFound);
        check(product.content().publishProblems(today()), product.content());
        int before = product.version();
        Instant now = clock.instant();
        guard(() -> product.approve(today(), now));
        products.update(product);
        audit.record(actor.username(), actor.organisationId(), "APPROVE_PRODUCT", target(id), Outcome.SUCCESS,
                "第" + product.version() + "版");
        publishedIfNew(product, before, actor.username(), now);
    }

    @Transactional
    public void returnToDraft(UUID id, @Nullable String reason, OrganisationMember actor) {
        requireOfficial(actor);
        FinancialProduct product = products.findForUpdate(id).orElseThrow(ProductCatalog::notFound);
        guard(() -> product.returnToDraft(reason, clock.instant()));
        products.update(product);
        audit.record(actor.username(), actor.organisationId(), "RETURN_PRODUCT", target(id), Outcome.SUCCESS,
                product.returnReason());
    }

    /**
     * The daily job (scheduling is enabled in platform): published products past their validity leave the shelf.
     * Answers how many expired.
     */
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int expire() {
        LocalDate today = today();
        int expired = 0;
        for (UUID id : products.dueToExpire(today)) {
            FinancialProduct product = products.findForUpdate(id).orElseThrow();
            if (product.expire(today, clock.instant())) {
                products.update(product);
                audit.record("system", null, "EXPIRE_PRODUCT", target(id), Outcome.SUCCESS,
                        String.valueOf(product.content().validUntil()));
                events.publishEvent(new ProductWithdrawn(id, product.version(), product.institutionId(), true));
                expired++;
            }
        }
        return expired;
    }

    // ---- everyone's side --------------------------------------------------------------------------------------

    /** The supermarket: the latest published version of every product on the shelf and within its validity. */
    @Transactional(readOnly = true)
    public ResultPage<ProductRow> search(ProductQuery query, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("SELECT count(*)" + SHELF + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String order = switch (query.sort()) {
            case RATE -> " ORDER BY v.min_rate ASC NULLS LAST, v.created_at DESC";
            case AMOUNT -> " ORDER BY v.max_amount_fen DESC NULLS LAST, v.created_at DESC";
            case NEWEST -> " ORDER BY v.created_at DESC";
        };
        List<ProductRow> rows = jdbc.sql("SELECT v.*" + SHELF + where + order + ", v.product_id LIMIT :limit "
                + "OFFSET :offset").params(params).query(FinancialProducts::row).list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** One published version, for anyone who refers to a product (deals, matches); empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<ProductVersionView> version(ProductRef ref) {
        return products.version(ref).map(this::view);
    }

    /** Every product version on the shelf today, read in one statement; for matching, which judges them all. */
    @Transactional(readOnly = true)
    public List<ProductVersionView> shelf() {
        return products.shelf(today()).stream().map(this::view).toList();
    }

    /** The version on the shelf now: the latest, while the product is published; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<ProductVersionView> current(UUID id) {
        return products.find(id).filter(p -> p.status() == FinancialProduct.Status.PUBLISHED)
                .flatMap(p -> version(new ProductRef(id, p.version())));
    }

    /**
     * The latest published version, even when the product has since been withdrawn or expired (a page may say so);
     * empty when it never was published.
     */
    @Transactional(readOnly = true)
    public Optional<ProductVersionView> latest(UUID id) {
        return products.find(id).filter(p -> p.version() > 0)
                .flatMap(p -> version(new ProductRef(id, p.version())));
    }

    /** The product's status now, e.g. to say that a version on screen is no longer offered. */
    @Transactional(readOnly = true)
    public Optional<FinancialProduct.Status> status(UUID id) {
        return products.find(id).map(FinancialProduct::status);
    }

    @Transactional(readOnly = true)
    public List<ProductVersionSummary> versions(UUID id) {
        products.find(id).filter(p -> p.version() > 0).orElseThrow(ProductCatalog::notFound);
        return products.versionList(id);
    }

    /** Up to three products on the shelf side by side, in the order asked; a fourth is refused. */
    @Transactional(readOnly = true)
    public List<ProductVersionView> compare(List<UUID> ids) {
        List<UUID> distinct = ids.stream().distinct().toList();
        if (distinct.size() > COMPARE_LIMIT) {
            throw new InvalidRequestException("ids", "最多同时对比 " + COMPARE_LIMIT + " 个产品，请减少后再试");
        }
        if (distinct.isEmpty()) {
            throw new InvalidRequestException("ids", "请选择要对比的产品");
        }
        List<ProductVersionView> found = new ArrayList<>();
        for (UUID id : distinct) {
            found.add(current(id).orElseThrow(() -> new NotFoundException("产品不存在或已下架：" + id)));
        }
        return found;
    }

    /** Whether no product was ever written (the demo catalogue is seeded only then). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog.product)").query(Boolean.class).single();
    }

    /** Figures for the home pages. */
    @Transactional(readOnly = true)
    public CatalogCounts counts() {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(ProductQuery.ALL, params);
        Map<FinancingKind, Long> byKind = new EnumMap<>(FinancingKind.class);
        for (FinancingKind k : FinancingKind.values()) {
            byKind.put(k, 0L);
        }
        jdbc.sql("SELECT v.kind, count(*) AS n" + SHELF + where + " GROUP BY v.kind").params(params)
                .query(rs -> {
                    byKind.put(FinancingKind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        long institutions = jdbc.sql("SELECT count(DISTINCT v.institution_id)" + SHELF + where).params(params)
                .query(Long.class).single();
        long waiting = jdbc.sql("SELECT count(*) FROM catalog.product WHERE status = 'SUBMITTED'")
                .query(Long.class).single();
        return new CatalogCounts(byKind.values().stream().mapToLong(Long::longValue).sum(), waiting, institutions,
                byKind);
    }

    /** The rules of a criteria in Chinese, with the city's names for the codes. */
    public List<String> describe(EligibilityCriteria criteria) {
        return criteria.describe(reference);
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private static final String SHELF = " FROM catalog.product p JOIN catalog.product_version v "
            + "ON v.product_id = p.id AND v.version = p.version";

    private String where(ProductQuery q, Map<String, Object> params) {
        params.put("today", Date.valueOf(today()));
        StringBuilder where = new StringBuilder(" WHERE p.status = 'PUBLISHED' AND (v.valid_until IS NULL OR "
                + "v.valid_until >= :today) AND (v.valid_from IS NULL OR v.valid_from <= :today)");
        if (q.type() != null) {
            where.append(" AND v.type = :type");
            params.put("type", q.type().name());
        }
        if (q.kind() != null) {
            where.append(" AND v.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.institutionType() != null) {
            where.append(" AND v.institution_type = :institutionType");
            params.put("institutionType", q.institutionType().name());
        }
        if (q.amountFen() != null) {
            where.append(" AND COALESCE(v.min_amount_fen, 0) <= :amount AND v.max_amount_fen >= :amount");
            params.put("amount", q.amountFen());
        }
        if (q.termMonths() != null) {
            where.append(" AND COALESCE(v.min_term_months, 1) <= :term AND v.max_term_months >= :term");
            params.put("term", q.termMonths());
        }
        if (q.maxRate() != null) {
            where.append(" AND v.min_rate <= :rate");
            params.put("rate", q.maxRate());
        }
        return where.toString();
    }

    /** Content problems (draft or publish) and unknown reference codes, all at once; throws when there are any. */
    private void check(Map<String, String> problems, ProductContent content) {
        Map<String, String> all = new LinkedHashMap<>(problems);
        content.criteria().problemsWith(reference).forEach(all::putIfAbsent);
        if (!all.isEmpty()) {
            throw new InvalidRequestException(all);
        }
    }

    private FinancialProduct owned(UUID id, OrganisationMember actor, String action) {
        FinancialProduct product = products.findForUpdate(id).orElseThrow(ProductCatalog::notFound);
        if (!product.ownedBy(actor.organisationId())) {
            audit.recordIndependently(actor.username(), actor.organisationId(), action, target(id), Outcome.DENIED,
                    "非本机构产品");
            throw new AccessDeniedException("只能修改本机构的产品");
        }
        return product;
    }

    private void publishedIfNew(FinancialProduct product, int before, String actor, Instant now) {
        if (product.version() > before) {
            products.insertVersion(product, actor, now);
            events.publishEvent(new ProductPublished(product.id().value(), product.version(),
                    product.institutionId(), product.content().type(), product.content().type().kind()));
        }
    }

    private static void guard(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            throw InvalidRequestException.conflict("status", e.getMessage());
        }
    }

    private OrganisationView organisationOf(OrganisationMember actor) {
        return registry.find(actor.organisationId()).orElseThrow(() -> new AccessDeniedException("组织不存在"));
    }

    private boolean official(OrganisationMember actor) {
        OrganisationKind kind = organisationOf(actor).kind();
        return kind == OrganisationKind.GOVERNMENT || kind == OrganisationKind.OPERATOR;
    }

    private void requireOfficial(OrganisationMember actor) {
        if (!official(actor)) {
            throw new AccessDeniedException("只有政府部门或平台运营方可以审核产品");
        }
    }

    private ProductView view(FinancialProduct p) {
        return new ProductView(p.id().value(), p.institutionId(), p.institutionName(), p.institutionType(),
                p.status(), p.version(), p.returnReason(), p.content(), p.content().criteria().describe(reference),
                p.updatedAt());
    }

    private ProductVersionView view(FinancialProducts.StoredVersion v) {
        return new ProductVersionView(v.ref(), v.institutionId(), v.institutionName(), v.institutionType(),
                v.content(), v.content().criteria().describe(reference), v.createdAt(), v.createdBy());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String target(UUID id) {
        return "product:" + id;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("产品不存在");
    }
}
