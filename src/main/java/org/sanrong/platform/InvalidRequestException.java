package org.sanrong.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that breaks a business rule, with the offending field where there is one. Pages show the message
 * next to the field; the API answers it as a 4xx problem with the field errors listed.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final int status;

    public InvalidRequestException(String message) {
        this(message, Map.of(), 400);
    }

    public InvalidRequestException(String field, String message) {
        this(message, Map.of(field, message), 400);
    }

    private InvalidRequestException(String message, Map<String, String> fieldErrors, int status) {
        super(message);
        this.fieldErrors = fieldErrors;
        this.status = status;
    }

    /** Several fields at once, so a form shows every problem in one round. */
    public InvalidRequestException(Map<String, String> fieldErrors) {
        this(fieldErrors.values().iterator().next(), Map.copyOf(fieldErrors), 400);
    }

    /** A conflict with existing data (duplicate username or credit code): HTTP 409. */
    public static InvalidRequestException conflict(String field, String message) {
        return new InvalidRequestException(message, Map.of(field, message), 409);
    }

    /** Well-formed but unusable, e.g. an Idempotency-Key reused for a different request: HTTP 422. */
    public static InvalidRequestException unprocessable(String field, String message) {
        return new InvalidRequestException(message, Map.of(field, message), 422);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public int status() {
        return status;
    }
}
