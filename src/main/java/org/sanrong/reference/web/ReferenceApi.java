package org.sanrong.reference.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.reference.EmergingIndustry;
import org.sanrong.reference.Industry;
import org.sanrong.reference.QualificationKind;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reference look-ups: credit-code check, towns, industry codes, emerging industries, qualification kinds. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceApi {

    private final ReferenceData reference;

    ReferenceApi(ReferenceData reference) {
        this.reference = reference;
    }

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

    /** The city's town-level units, in the order of its town file. */
    @GetMapping("/towns")
    List<Town> towns() {
        return reference.towns();
    }

    /**
     * GB/T 4754-2017 codes starting with {@code prefix} (the code itself included), ordered by code; without a prefix
     * the 20 sections. A prefix that is no plausible code (a letter and up to four digits) is a 400.
     */
    @GetMapping("/industries")
    List<Industry> industries(@RequestParam(required = false) @Nullable String prefix) {
        if (prefix != null && !prefix.isBlank() && !ReferenceData.isPlausibleIndustryPrefix(prefix)) {
            throw new InvalidRequestException("prefix",
                    "行业代码前缀应为门类字母加至多4位数字，例如 C、C39、C3911");
        }
        return reference.industries(prefix);
    }

    @GetMapping("/industries/{code}")
    Industry industry(@PathVariable String code) {
        return reference.industry(code).orElseThrow(() -> new NotFoundException("没有行业代码 " + code));
    }

    @GetMapping("/emerging-industries")
    List<EmergingIndustry> emergingIndustries() {
        return reference.emergingIndustries();
    }

    @GetMapping("/qualification-kinds")
    List<QualificationKind> qualificationKinds() {
        return reference.qualificationKinds();
    }
}
