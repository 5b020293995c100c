package org.sanrong.enterprise;

/**
 * A bulk write into the 企业库 (an import job, the demo population) finished. It bypasses the per-enterprise
 * events, so readers that keep their own copy of enterprise facts reload them.
 */
public record EnterprisesImported(long applied, String source) {
}
