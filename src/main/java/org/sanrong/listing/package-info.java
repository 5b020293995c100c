/**
 * 上市后备企业库: government enrols enterprises in the listing reserve (by rule or by hand), grades them, follows
 * their milestones to listing with dated evidence (each publishes {@link org.sanrong.listing.ListingMilestoneReached}
 * for listing rewards), routes the problems they raise (诉求) to a department with a working-day deadline, and draws
 * each enterprise's listing portrait (上市画像): its figures against its target board's criteria, kept as data.
 */
@NullMarked
package org.sanrong.listing;

import org.jspecify.annotations.NullMarked;
