package org.sanrong.identity.web;

import org.jspecify.annotations.Nullable;

record InviteForm(@Nullable String username, @Nullable String displayName) {
}
