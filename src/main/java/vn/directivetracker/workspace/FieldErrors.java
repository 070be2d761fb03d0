package vn.directivetracker.workspace;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.directivetracker.common.FieldViolation;

/**
 * Errors keyed by the form field they belong to. The service names list elements
 * ({@code items[0].leadAgencies[2]}); the form shows a list in one input, so the index is dropped,
 * and the three ways of giving a deadline share one place.
 */
final class FieldErrors {

    private static final Pattern CONTAINER = Pattern.compile("\\.<[^>]+>");
    private static final Pattern LIST_ELEMENT = Pattern.compile("(leadAgencies|coordinatingAgencies|recipients|copyTo)\\[\\d+]$");
    private static final Pattern DEADLINE_FORMS = Pattern.compile("\\.(deadlineWorkingDays|ongoing)$");

    private FieldErrors() {}

    static String field(String path) {
        String field = CONTAINER.matcher(path).replaceAll("");
        field = LIST_ELEMENT.matcher(field).replaceAll("$1");
        field = DEADLINE_FORMS.matcher(field).replaceAll(".deadline");
        return "signer".equals(field) ? "signer.name" : field;
    }

    static void add(Map<String, String> errors, FieldViolation violation) {
        errors.merge(field(violation.field()), violation.message(), FieldErrors::join);
    }

    static <T> Map<String, String> of(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(field(v.getPropertyPath().toString()), v.getMessage(), FieldErrors::join));
        return errors;
    }

    private static String join(String a, String b) {
        return a.contains(b) ? a : a + "; " + b;
    }
}
