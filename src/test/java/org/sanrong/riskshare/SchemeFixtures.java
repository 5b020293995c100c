package org.sanrong.riskshare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped scheme files, read as the platform reads them. */
final class SchemeFixtures {

    private SchemeFixtures() {
    }

    static String text(String resource) {
        try (InputStream in = SchemeFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scheme scheme(String code) {
        String file = "/riskshare/schemes/" + code + ".yaml";
        return SchemeFiles.scheme(file, text(file));
    }

    static GuaranteeScheme guarantee(String code) {
        String file = "/riskshare/guarantee-schemes/" + code + ".yaml";
        return SchemeFiles.guarantee(file, text(file));
    }
}
