package org.sanrong.advisory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The enterprise served, as the 企业库 knew it when the request or assignment was made: its town and industry are
 * kept so the coverage board counts it where it was.
 *
 * @param organisationId its organisation on the platform, if it registered (only then can it be notified and rate)
 */
public record EnterpriseRef(String creditCode, String name, @Nullable UUID organisationId, @Nullable String townCode,
        @Nullable String industryCode) {
}
