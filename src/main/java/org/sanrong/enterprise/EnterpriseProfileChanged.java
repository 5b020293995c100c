package org.sanrong.enterprise;

import java.util.Set;
import java.util.UUID;

/** An enterprise's profile or figures changed; carries which fields, so listeners can skip what they ignore. */
public record EnterpriseProfileChanged(UUID enterpriseId, String creditCode, Set<String> fields) {
}
