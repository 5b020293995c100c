package org.sanrong.enterprise;

import java.util.UUID;

/** An enterprise withdrew a consent grant before its end. */
public record ConsentRevoked(UUID grantId, String creditCode) {
}
