package org.sanrong.platform;

import java.util.Arrays;
import java.util.Map;
import org.springframework.validation.BindingResult;

/** Puts a rejected request's messages next to the fields of the form that sent it. */
public final class FormErrors {

    private FormErrors() {
    }

    /** A message for a field the form does not have (the rules cover more than one form) shows above the form. */
    public static void show(InvalidRequestException e, BindingResult binding) {
        if (e.fieldErrors().isEmpty()) {
            binding.reject("invalid", e.getMessage());
        }
        show(e.fieldErrors(), binding);
    }

    public static void show(Map<String, String> fieldErrors, BindingResult binding) {
        Object target = binding.getTarget();
        fieldErrors.forEach((field, message) -> {
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
