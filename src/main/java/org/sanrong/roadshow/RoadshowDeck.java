package org.sanrong.roadshow;

import java.util.UUID;

/** A pitch deck as the download serves it, with the event and presenter it belongs to. */
public record RoadshowDeck(UUID id, String fileName, String contentType, byte[] content, UUID eventId,
        String creditCode) {
}
