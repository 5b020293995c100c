package org.sanrong.credit;

import org.jspecify.annotations.Nullable;

/** Every enterprise was re-scored (on demand, nightly or after a model was approved): readers reload ratings. */
public record RatingsRefreshed(int rated, @Nullable Integer modelVersion) {
}
