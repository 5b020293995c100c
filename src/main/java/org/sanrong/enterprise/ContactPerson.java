package org.sanrong.enterprise;

import org.jspecify.annotations.Nullable;

/** An enterprise's contact person unmasked: personal data, shown only after an audited request. */
public record ContactPerson(@Nullable String name, @Nullable String mobile, @Nullable String email) {
}
