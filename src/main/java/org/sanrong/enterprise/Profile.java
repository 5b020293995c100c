package org.sanrong.enterprise;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.sanrong.platform.Fen;
import org.sanrong.platform.PersonalData;

/** The editable part of an enterprise's profile. Money in fen. Contacts are personal data. */
public record Profile(String name, @Nullable String legalForm, @Nullable LocalDate registeredOn,
        @Nullable Long registeredCapitalFen, @Nullable String townCode, @Nullable String address,
        @Nullable String industryCode, Set<String> emergingIndustries, @Nullable Integer headcount,
        int inventionPatents, int utilityPatents, int designPatents, int softwareCopyrights, int trademarks,
        boolean equityFunded, @Nullable String contactName, @Nullable String contactMobile,
        @Nullable String contactEmail) {

    public Profile {
        emergingIndustries = emergingIndustries == null ? Set.of() : Set.copyOf(emergingIndustries);
    }

    /** As lists and anyone but the enterprise itself see it: 张*, 138****1234, a***@x.cn (等保 8.1.4.8). */
    Profile withContactsMasked() {
        return withContacts(blankToNull(PersonalData.maskName(contactName)),
                blankToNull(PersonalData.maskMobile(contactMobile)), blankToNull(PersonalData.maskEmail(contactEmail)));
    }

    /**
     * A contact sent back exactly as its mask (a form or API client that read the masked profile and saved it) means
     * "unchanged": the stored value is kept rather than overwritten by its mask.
     */
    Profile keepingMaskedContactsOf(Profile current) {
        return withContacts(
                unchangedIfMask(contactName, current.contactName, PersonalData.maskName(current.contactName)),
                unchangedIfMask(contactMobile, current.contactMobile, PersonalData.maskMobile(current.contactMobile)),
                unchangedIfMask(contactEmail, current.contactEmail, PersonalData.maskEmail(current.contactEmail)));
    }

    private Profile withContacts(@Nullable String name, @Nullable String mobile, @Nullable String email) {
        return new Profile(this.name, legalForm, registeredOn, registeredCapitalFen, townCode, address, industryCode,
                emergingIndustries, headcount, inventionPatents, utilityPatents, designPatents, softwareCopyrights,
                trademarks, equityFunded, name, mobile, email);
    }

    private static @Nullable String unchangedIfMask(@Nullable String sent, @Nullable String stored, String mask) {
        return sent != null && stored != null && !mask.equals(stored) && sent.strip().equals(mask) ? stored : sent;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Field by field, as the change history records them. */
    Map<String, @Nullable String> asFields() {
        Map<String, @Nullable String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("legalForm", legalForm);
        f.put("registeredOn", registeredOn == null ? null : registeredOn.toString());
        f.put("registeredCapital", registeredCapitalFen == null ? null : Fen.formatWan(registeredCapitalFen));
        f.put("townCode", townCode);
        f.put("address", address);
        f.put("industryCode", industryCode);
        f.put("emergingIndustries", String.join(",", new TreeSet<>(emergingIndustries)));
        f.put("headcount", headcount == null ? null : headcount.toString());
        f.put("inventionPatents", Integer.toString(inventionPatents));
        f.put("utilityPatents", Integer.toString(utilityPatents));
        f.put("designPatents", Integer.toString(designPatents));
        f.put("softwareCopyrights", Integer.toString(softwareCopyrights));
        f.put("trademarks", Integer.toString(trademarks));
        f.put("equityFunded", Boolean.toString(equityFunded));
        f.put("contactName", contactName);
        f.put("contactMobile", contactMobile);
        f.put("contactEmail", contactEmail);
        return f;
    }

    /** The fields whose values differ, old value first. */
    Map<String, @Nullable String[]> changesTo(Profile next) {
        Map<String, @Nullable String> before = asFields();
        Map<String, @Nullable String> after = next.asFields();
        Map<String, @Nullable String[]> changes = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            String now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.put(field, new String[] {old, now});
            }
        });
        return changes;
    }
}
