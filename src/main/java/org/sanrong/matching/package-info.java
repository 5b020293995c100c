/**
 * Matchmaking (智能匹配): which enterprises a product's criteria admit, and which products fit a demand. Its core
 * is an in-memory eligibility index over all enterprises — a bitmap per attribute value, range-encoded bitmaps for
 * numbers, flat arrays for scoring — kept current from the enterprise module's events.
 */
@NullMarked
package org.sanrong.matching;

import org.jspecify.annotations.NullMarked;
