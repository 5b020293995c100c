package org.sanrong.identity.web;

import java.util.Arrays;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.validation.BindingResult;

/** Puts a rejected request's messages next to the fields of the form that sent it. */
final class FieldErrors {

    private FieldErrors() {
    }

    /** A message for a field the form does not have (the rules cover more than one form) shows above the form. */
    static void show(InvalidRequestException e, BindingResult binding) {
        if (e.fieldErrors().isEmpty()) {
            binding.reject("invalid", e.getMessage());
        }
        Object target = binding.getTarget();
        e.fieldErrors().forEach((field, message) -> {
            boolean onForm = target != null && target.getClass().isRecord() && Arrays.stream(
                    target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
            if (onForm) {
                binding.rejectValue(field, "invalid", message);
            } else {
                binding.reject("invalid", message);
            }
        });
    }
}
