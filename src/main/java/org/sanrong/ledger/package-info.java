/**
 * 账本: a double-entry ledger for public money (risk-compensation pools, budgets, commitments, payouts, recoveries;
 * subsidies later). Every movement is a balanced journal entry posted once per business key; entries are never
 * changed (a database trigger refuses), and a balance is always the sum of its lines.
 */
@NullMarked
package org.sanrong.ledger;

import org.jspecify.annotations.NullMarked;
