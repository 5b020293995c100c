package org.sanrong.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request comes from, for modules that record it without touching web types themselves. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /** The client's address, or null outside a web request (a scheduled job, the demo seeding). */
    public static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
