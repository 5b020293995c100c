package org.sanrong.reference;

/**
 * A kind of enterprise qualification (高新技术企业, 专精特新...) with the department that usually issues it and
 * whether it is a whitelist that policies (risk compensation, subsidies) may require.
 */
public record QualificationKind(String code, String name, String issuer, boolean whitelist) {
}
