package org.sanrong.identity.web;

import org.jspecify.annotations.Nullable;

record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
        @Nullable String confirmPassword) {
}
