package org.sanrong.reference.web;

import org.jspecify.annotations.Nullable;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public reference look-ups. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceApi {

    record CreditCodeCheck(String code, boolean valid, UnifiedSocialCreditCode.@Nullable Rule failedRule,
            @Nullable String message) {
    }

    /** Whether a unified social credit code is valid and, if not, which rule it breaks. */
    @GetMapping("/credit-codes/{code}")
    CreditCodeCheck creditCode(@PathVariable String code) {
        String normalised = UnifiedSocialCreditCode.normalise(code);
        return UnifiedSocialCreditCode.check(normalised)
                .map(v -> new CreditCodeCheck(normalised, false, v.rule(), v.message()))
                .orElseGet(() -> new CreditCodeCheck(normalised, true, null, null));
    }
}
