package org.sanrong.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.FinancialProduct;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductContent;
import org.sanrong.catalog.ProductQuery;
import org.sanrong.catalog.ProductRef;
import org.sanrong.catalog.ProductRow;
import org.sanrong.catalog.ProductVersionSummary;
import org.sanrong.catalog.ProductVersionView;
import org.sanrong.catalog.ProductView;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.Problems;
import org.sanrong.platform.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the 金融超市. The list is public; everything else needs an account. Money in fen, rates in percent;
 * a product's content is written as one document (type, name, terms, criteria...) and checked as a whole.
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductApi {

    private final ProductCatalog catalog;

    ProductApi(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** Why a return was asked for. */
    record ReturnRequest(@Nullable String reason) {
    }

    record SubmissionResult(UUID id, FinancialProduct.Status status) {
    }

    /** Products on the shelf. Amount in 万元, term in months, rate: highest acceptable lowest annual rate (%). */
    @GetMapping
    ResultPage<ProductRow> list(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String institutionType,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(required = false) @Nullable String rate,
            @RequestParam(required = false) @Nullable String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int pageSize) {
        ProductQuery query = ProductQuery.parse(type, kind, institutionType, amount, term, rate, sort);
        return catalog.search(query, Math.max(0, page), ResultPage.sizeOf(pageSize));
    }

    /** The version on the shelf now. */
    @GetMapping("/{id}")
    ProductVersionView one(@PathVariable UUID id) {
        return catalog.current(id).orElseThrow(() -> new NotFoundException("产品不存在或未上架"));
    }

    @GetMapping("/{id}/versions")
    List<ProductVersionSummary> versions(@PathVariable UUID id) {
        return catalog.versions(id);
    }

    @GetMapping("/{id}/versions/{n}")
    ProductVersionView version(@PathVariable UUID id, @PathVariable int n) {
        if (n < 1) {
            throw new NotFoundException("版本不存在");
        }
        return catalog.version(new ProductRef(id, n)).orElseThrow(() -> new NotFoundException("版本不存在"));
    }

    /** The caller's institution's products, drafts included. */
    @GetMapping("/mine")
    List<ProductView> mine(@AuthenticationPrincipal SignedInUser user) {
        return catalog.ofInstitution(user);
    }

    /** The working copy (its institution, government and operator staff). */
    @GetMapping("/{id}/draft")
    ProductView draft(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return catalog.workingCopy(id, user);
    }

    @PostMapping
    ResponseEntity<ProductView> create(@RequestBody ProductContent body, @AuthenticationPrincipal SignedInUser user) {
        UUID id = catalog.create(body, user);
        return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/draft"))
                .body(catalog.workingCopy(id, user));
    }

    /** Changes a product; a published one becomes its next version at once. */
    @PutMapping("/{id}")
    ProductView update(@PathVariable UUID id, @RequestBody ProductContent body,
            @AuthenticationPrincipal SignedInUser user) {
        catalog.edit(id, body, user);
        return catalog.workingCopy(id, user);
    }

    @PostMapping("/{id}/submission")
    SubmissionResult submit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return new SubmissionResult(id, catalog.submit(id, user));
    }

    @PostMapping("/{id}/withdrawal")
    SubmissionResult withdraw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        catalog.withdraw(id, user);
        return new SubmissionResult(id, catalog.workingCopy(id, user).status());
    }

    /** A government reviewer publishes a submission. */
    @PostMapping("/{id}/approval")
    SubmissionResult approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        catalog.approve(id, user);
        return new SubmissionResult(id, FinancialProduct.Status.PUBLISHED);
    }

    /** A government reviewer returns a submission to its institution with a reason. */
    @PostMapping("/{id}/return")
    SubmissionResult returnToDraft(@PathVariable UUID id, @RequestBody(required = false) @Nullable ReturnRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        catalog.returnToDraft(id, body == null ? null : body.reason(), user);
        return new SubmissionResult(id, FinancialProduct.Status.DRAFT);
    }

    /**
     * Terms and criteria check themselves while the body is read; their field messages are answered as any other
     * invalid request's instead of a bare "unreadable body".
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidRequestException invalid) {
                ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "请求无效", invalid.getMessage(), request);
                problem.setProperty("errors", invalid.fieldErrors());
                return problem;
            }
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "请求无效", "请求内容无法解析，请检查 JSON 格式与字段类型", request);
    }
}
