/**
 * Reference data and national identifiers: the unified social credit code (GB 32100-2015) today; towns,
 * industry codes and qualification kinds as their issue brings them.
 */
@NullMarked
package org.sanrong.reference;

import org.jspecify.annotations.NullMarked;
