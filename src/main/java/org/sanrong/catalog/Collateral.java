package org.sanrong.catalog;

/** What an enterprise can offer as security, and what a product accepts; NONE means no security is needed. */
public enum Collateral {
    REAL_ESTATE("房产抵押"),
    EQUIPMENT("设备抵押"),
    IP("知识产权质押"),
    RECEIVABLES("应收账款质押"),
    EQUITY("股权质押"),
    GUARANTEE("第三方保证/担保"),
    NONE("无需抵押担保");

    private final String label;

    Collateral(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
