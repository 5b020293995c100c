package org.sanrong.platform;

import java.util.UUID;

/**
 * What every module may know of the signed-in user without depending on the identity module: who it is and
 * which organisation it acts for. The identity module's principal implements it.
 */
public interface OrganisationMember {

    String username();

    UUID organisationId();

    String organisationName();
}
