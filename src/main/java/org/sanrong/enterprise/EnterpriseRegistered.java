package org.sanrong.enterprise;

import java.util.UUID;

/** An enterprise entered the 企业库, or an existing entry was claimed by its organisation on the platform. */
public record EnterpriseRegistered(UUID enterpriseId, String creditCode, String name) {
}
