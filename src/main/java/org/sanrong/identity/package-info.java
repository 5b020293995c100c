/**
 * Organisations (enterprises, financial institutions, government departments, the operator) and their accounts:
 * registration, approval, invitations, login, password policy and lockout.
 */
@NullMarked
package org.sanrong.identity;

import org.jspecify.annotations.NullMarked;
