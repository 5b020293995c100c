/**
 * 路演: organisers (government or institutions) hold roadshow events; enterprises apply to present with a deck, the
 * organiser selects, VC/PE investors register (matching proposes whom to invite, with reasons); after the event each
 * investor who attended marks interest per presenter, which opens an equity deal in the deal flow, so the event's
 * page shows what came of it. Calls {@code deal} (never the reverse).
 */
@NullMarked
package org.sanrong.roadshow;

import org.jspecify.annotations.NullMarked;
