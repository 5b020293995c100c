/**
 * The append-only audit trail: who read or changed what, from where, with what outcome. Every module writes
 * through {@link org.sanrong.audit.AuditTrail}; rows are never updated or deleted (a database trigger refuses).
 */
@NullMarked
package org.sanrong.audit;

import org.jspecify.annotations.NullMarked;
