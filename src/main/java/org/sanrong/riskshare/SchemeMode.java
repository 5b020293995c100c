package org.sanrong.riskshare;

/** Who files and claims under a scheme: a bank for its loans (政银), or a guarantor for what it paid out (政担). */
public enum SchemeMode {
    BANK("政银模式"), GUARANTOR("政担模式");

    private final String label;

    SchemeMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
