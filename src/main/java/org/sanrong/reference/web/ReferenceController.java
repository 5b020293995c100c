package org.sanrong.reference.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.EmergingIndustry;
import org.sanrong.reference.Industry;
import org.sanrong.reference.ReferenceData;
import org.sanrong.reference.Town;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reference-data page for signed-in users: towns by kind, qualification kinds, emerging industries, and the
 * industry tree opened level by level (htmx fragments) with a search by code prefix.
 */
@Controller
class ReferenceController {

    static final int SEARCH_PAGE_SIZE = 50;

    private final ReferenceData reference;

    ReferenceController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping("/reference")
    String page(@RequestParam(required = false) @Nullable String prefix, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, List<Town>> townsByKind = new LinkedHashMap<>();
        for (Town t : reference.towns()) {
            townsByKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t);
        }
        Map<String, String> prefixNames = new LinkedHashMap<>();
        for (EmergingIndustry e : reference.emergingIndustries()) {
            e.industryPrefixes().forEach(p -> prefixNames.put(p, reference.industry(p).map(Industry::name).orElse("")));
        }
        model.addAttribute("townsByKind", townsByKind);
        model.addAttribute("townCount", reference.towns().size());
        model.addAttribute("qualificationKinds", reference.qualificationKinds());
        model.addAttribute("emergingIndustries", reference.emergingIndustries());
        model.addAttribute("prefixNames", prefixNames);
        model.addAttribute("children", reference.children(null));
        search(prefix, page, model);
        model.addAttribute("tab", prefix == null ? "towns" : "industries");
        return "reference/index";
    }

    /** The direct children of a code, as list items for the tree (htmx). */
    @GetMapping("/reference/industries")
    String children(@RequestParam(required = false) @Nullable String parent, Model model) {
        model.addAttribute("children", reference.children(parent));
        return "reference/industries :: children";
    }

    /** Codes starting with a prefix, a page at a time (htmx). */
    @GetMapping("/reference/industries/search")
    String search(@RequestParam(required = false) @Nullable String prefix, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String p = prefix == null ? "" : prefix.strip();
        model.addAttribute("prefix", p);
        if (!p.isEmpty()) {
            if (ReferenceData.isPlausibleIndustryPrefix(p)) {
                List<Industry> all = reference.industries(p);
                int pages = Math.max(1, (all.size() + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE);
                int current = Math.clamp(page, 0, pages - 1);
                int from = current * SEARCH_PAGE_SIZE;
                model.addAttribute("results", new ResultPage<>(
                        all.subList(from, Math.min(all.size(), from + SEARCH_PAGE_SIZE)), current, SEARCH_PAGE_SIZE,
                        all.size()));
            } else {
                model.addAttribute("badPrefix", true);
            }
        }
        return "reference/industries :: search";
    }
}
