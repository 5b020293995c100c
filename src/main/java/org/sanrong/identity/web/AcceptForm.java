package org.sanrong.identity.web;

import org.jspecify.annotations.Nullable;

record AcceptForm(@Nullable String mobile, @Nullable String password, @Nullable String confirmPassword) {
}
