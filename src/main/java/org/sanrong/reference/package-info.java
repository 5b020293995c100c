/**
 * Reference data and national identifiers: the unified social credit code (GB 32100-2015), and the city's towns,
 * GB/T 4754-2017 industry codes, strategic emerging industries and qualification kinds, loaded from files at start
 * and read by other modules through {@link org.sanrong.reference.ReferenceData}.
 */
@NullMarked
package org.sanrong.reference;

import org.jspecify.annotations.NullMarked;
