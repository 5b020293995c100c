package org.sanrong.listing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enterprise in the reserve that has an account on the platform, as another module may propose it (roadshows). */
public record ReserveMember(String creditCode, String name, @Nullable String industryCode, ReserveGrade grade,
        ListingBoard board, UUID organisationId) {
}
