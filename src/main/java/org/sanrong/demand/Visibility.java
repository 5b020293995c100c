package org.sanrong.demand;

/** Who may see a published demand: every institution, or only those the enterprise chose. */
public enum Visibility {
    ALL, CHOSEN
}
