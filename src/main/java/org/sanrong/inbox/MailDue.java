package org.sanrong.inbox;

import java.util.List;
import java.util.UUID;

/**
 * A stored message is to be e-mailed to these members (active, with an address when it was sent). Published in the
 * sender's transaction and kept by the event publication registry, so the e-mail goes after commit, and still goes
 * after a restart if the application stopped first.
 */
record MailDue(UUID messageId, List<String> usernames) {
}
