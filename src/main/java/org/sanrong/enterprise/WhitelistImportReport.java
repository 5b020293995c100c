package org.sanrong.enterprise;

import java.util.List;

/** What a whitelist import did: rows applied, and each rejected row with its line and reason. */
public record WhitelistImportReport(String kind, int applied, List<Rejected> rejected) {

    public record Rejected(int line, String creditCode, String reason) {
    }
}
