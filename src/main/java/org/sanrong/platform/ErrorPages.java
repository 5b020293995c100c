package org.sanrong.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything that ends in the servlet container's error dispatch comes here: the API answers problem JSON, pages
 * answer a friendly Chinese page. Neither ever shows a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        boolean databaseAway = failure instanceof Throwable t && Problems.databaseAway(t);
        if (databaseAway) {
            // a failure escaping a filter (a session or security lookup) lands here rather than in the handlers
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.setHeader("Retry-After", "30");
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri == null) {
            uri = request.getRequestURI();
        }
        if (databaseAway) {
            log.warn("Request to {} refused: the database is unavailable ({})", uri, ((Throwable) failure).toString());
        } else if (status.is5xxServerError() && failure instanceof Throwable t) {
            log.error("Request to {} failed", uri, t);
        }
        if (uri.startsWith(request.getContextPath() + Problems.API_PREFIX)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                    databaseAway ? "数据库暂时不可用，请稍后重试" : apiDetail(status));
            problem.setTitle(status.getReasonPhrase());
            problem.setInstance(URI.create(uri));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String view = switch (status.value()) {
            case 400, 403, 404, 405, 503 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/400" : "error/500";
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i) {
            HttpStatus resolved = HttpStatus.resolve(i);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String apiDetail(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "请求无效";
            case 401 -> "需要登录认证";
            case 403 -> "无权访问该资源";
            case 404 -> "请求的资源不存在";
            case 405 -> "不支持该请求方法";
            case 415 -> "不支持该内容类型";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试" : "请求无法处理";
        };
    }
}
