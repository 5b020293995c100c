package org.sanrong.riskshare;

/** The parties that share a guaranteed loan's loss under a government guarantee scheme. */
public enum GuaranteeParty {
    BANK("银行"),
    NATIONAL_FUND("国家融资担保基金"),
    PROVINCIAL_REGUARANTOR("省级再担保机构"),
    CITY_GUARANTOR("市级融资担保机构"),
    LOCAL_GOVERNMENT("地方政府");

    private final String label;

    GuaranteeParty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
