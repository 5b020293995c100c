package org.sanrong.demand;

/** What an enterprise can offer as security; same names as the catalogue's. NONE stands alone. */
public enum Collateral {
    REAL_ESTATE, EQUIPMENT, IP, RECEIVABLES, EQUITY, GUARANTEE, NONE
}
