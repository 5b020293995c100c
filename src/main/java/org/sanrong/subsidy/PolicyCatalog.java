package org.sanrong.subsidy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every version of every subsidy policy, read from the policy files when the application starts. A file that does
 * not parse or a rule that does not compile stops the start, naming the file and the rule.
 */
@Service
public class PolicyCatalog {

    private final List<CompiledPolicy> policies;

    PolicyCatalog(@Value("${sanrong.subsidy.policies:classpath*:subsidy/policies/*.yaml}") String locations) {
        this.policies = load(locations);
    }

    static List<CompiledPolicy> load(String locations) {
        List<CompiledPolicy> loaded = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(locations)) {
                String file = r.getFilename() == null ? r.getDescription() : r.getFilename();
                CompiledPolicy p = PolicyFiles.read(file, r.getContentAsString(StandardCharsets.UTF_8));
                String other = seen.put(p.policy().code() + " v" + p.policy().version(), file);
                if (other != null) {
                    throw new PolicyFiles.MalformedPolicyException(file, p.policy().code() + " 第"
                            + p.policy().version() + "版与 " + other + " 重复");
                }
                loaded.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded.sort(Comparator.comparing((CompiledPolicy p) -> p.policy().code())
                .thenComparingInt(p -> p.policy().version()));
        return List.copyOf(loaded);
    }

    List<CompiledPolicy> compiled() {
        return policies;
    }

    /** All versions, by code then version. */
    public List<Policy> policies() {
        return policies.stream().map(CompiledPolicy::policy).toList();
    }

    public Optional<Policy> latest(String code) {
        return compiledLatest(code).map(CompiledPolicy::policy);
    }

    Optional<CompiledPolicy> compiledLatest(String code) {
        return policies.stream().filter(p -> p.policy().code().equals(code))
                .max(Comparator.comparingInt(p -> p.policy().version()));
    }

    /** The version of each policy in force on the day (the highest such version), when it is triggered by the type. */
    List<CompiledPolicy> inForce(EventType type, LocalDate day) {
        Map<String, CompiledPolicy> best = new java.util.LinkedHashMap<>();
        for (CompiledPolicy p : policies) {
            if (p.policy().inForceOn(day)) {
                best.merge(p.policy().code(), p, (a, b) -> a.policy().version() >= b.policy().version() ? a : b);
            }
        }
        return best.values().stream().filter(p -> p.policy().triggeredBy(type)).toList();
    }

    /** The version of each policy in force on the day. */
    List<CompiledPolicy> inForceAll(LocalDate day) {
        Map<String, CompiledPolicy> best = new java.util.LinkedHashMap<>();
        for (CompiledPolicy p : policies) {
            if (p.policy().inForceOn(day)) {
                best.merge(p.policy().code(), p, (a, b) -> a.policy().version() >= b.policy().version() ? a : b);
            }
        }
        return List.copyOf(best.values());
    }

    Optional<CompiledPolicy> version(String code, int version) {
        return policies.stream().filter(p -> p.policy().code().equals(code) && p.policy().version() == version)
                .findFirst();
    }
}
