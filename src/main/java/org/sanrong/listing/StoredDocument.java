package org.sanrong.listing;

import java.util.UUID;

/** An evidence document as the download serves it, with the enterprise it belongs to. */
public record StoredDocument(UUID id, String fileName, String contentType, byte[] content, String creditCode) {
}
