package org.sanrong.reference;

/** A town-level unit of the city (街道, 镇, 功能区...), as the city's town file lists it. */
public record Town(String code, String name, String kind) {
}
