package org.sanrong.identity;

import java.util.UUID;

/** An operator approved a pending institution; its accounts may now log in. */
public record OrganisationApproved(UUID organisationId, String name, String approvedBy) {
}
