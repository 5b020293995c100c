package org.sanrong.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of a JSON API controller into RFC 9457 problem JSON with a fitting status. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = Problems.of(status, status == HttpStatus.CONFLICT ? "数据冲突" : "请求无效",
                e.getMessage(), request);
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), request);
    }

    /** The database is away (outage, restart): say so with 503 and Retry-After; the pool reconnects by itself. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable for {}: {}", request.getRequestURI(), e.getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用", "数据库暂时不可用，请稍后重试", request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "数据冲突", "数据与已有记录冲突，未保存", request);
    }

    /** Security decides these; let its handler answer 403 in the same problem shape. */
    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (Problems.databaseAway(e)) {
            return unavailable(e, request);
        }
        log.error("API request {} failed", request.getRequestURI(), e);
        return org.springframework.http.ResponseEntity.internalServerError().body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器内部错误，请稍后重试", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "提交的数据未通过校验");
        problem.setTitle("请求无效");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Unreadable JSON: say so in Chinese and name the field when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = null;
        for (Throwable t = ex; t != null && field == null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                field = j.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                        : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field == null
                ? "请求内容不是有效的 JSON，或与接口要求的格式不符" : "字段 " + field + " 缺失或格式不正确");
        problem.setTitle("请求无效");
        if (field != null) {
            problem.setProperty("errors", Map.of(field, "缺失或格式不正确"));
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
