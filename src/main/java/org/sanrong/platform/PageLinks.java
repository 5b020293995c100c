package org.sanrong.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to other pages of the current list, keeping its filters; templates use {@code pageLinks.to(n)}. */
public final class PageLinks {

    private final String pathAndQuery;

    PageLinks(String pathAndQuery) {
        this.pathAndQuery = pathAndQuery;
    }

    /** The same filters on another path, e.g. the list's export. */
    public String with(String path) {
        String query = ServletUriComponentsBuilder.fromUriString(pathAndQuery).replaceQueryParam("page")
                .build().getQuery();
        return path + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    public String to(int page) {
        return ServletUriComponentsBuilder.fromUriString(pathAndQuery).replaceQueryParam("page", page)
                .build().toUriString();
    }

    @ControllerAdvice
    static class Provider {
        @ModelAttribute("pageLinks")
        PageLinks pageLinks(HttpServletRequest request) {
            String query = request.getQueryString();
            return new PageLinks(request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }
}
