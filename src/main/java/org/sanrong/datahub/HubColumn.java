package org.sanrong.datahub;

/**
 * A column of a source's import file: its Chinese header, the English alias accepted instead, whether every row
 * must fill it, and an example value for the template.
 */
public record HubColumn(String key, String header, String alias, boolean required, String example) {

    static final HubColumn CODE = new HubColumn("code", "统一社会信用代码", "credit_code", true, "91441900MA4W7K3L0X");
    static final HubColumn PERIOD = new HubColumn("period", "所属期", "period", true, "2025-03");
}
