package vn.directivetracker.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template's model as the outbox stores it (ADR 21): the values as they were when the step that
 * caused the email committed, so an email rendered later still says what was true then (the deadline
 * at that moment, the letter's subject before an amendment).
 *
 * <p>JSON of plain values: a record becomes an object of its components and of its own public
 * no-argument methods (derived values such as a formatted date; {@code ${directive.number}} works on
 * a map as on the record), an enum its name, a
 * {@link LocalDate}/{@link LocalDateTime} a tagged object restored to the same type (templates format
 * dates with {@code #temporals}). Anything else is refused when the row is written, in the step's
 * transaction, so a model that could not be rendered faithfully never reaches the outbox.
 */
final class MailModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATE = "@date";
    private static final String DATE_TIME = "@dateTime";
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals");

    private MailModel() {}

    static String encode(Map<String, Object> model) {
        try {
            return JSON.writeValueAsString(plain(model));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Mail model cannot be stored: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> decode(String json) {
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) restored(raw);
            return model;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored mail model is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalDate date) {
            return Map.of(DATE, date.toString());
        }
        if (value instanceof LocalDateTime dateTime) {
            return Map.of(DATE_TIME, dateTime.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Property property : PROPERTIES.get(record.getClass())) {
                out.put(property.name(), plain(call(record, property.method())));
            }
            return out;
        }
        throw new IllegalArgumentException("Mail model: " + value.getClass().getName() + " cannot be stored");
    }

    /** What a record shows a template, found once per class (reflection is slow to ask every time). */
    private record Property(String name, Method method) {}

    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            List<Property> properties = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(new Property(component.getName(), accessible(component.getAccessor())));
            }
            // Derived values a template may read like a component (DailyDigest.Line#deadlineLabel()):
            // the record's own public no-argument methods, evaluated when the row is written.
            for (Method method : type.getDeclaredMethods()) {
                boolean component = properties.stream().anyMatch(p -> p.name().equals(method.getName()));
                if (!component && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && !method.isSynthetic() && !OBJECT_METHODS.contains(method.getName())) {
                    properties.add(new Property(method.getName(), accessible(method)));
                }
            }
            return List.copyOf(properties);
        }
    };

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    private static Object call(Record record, Method method) {
        try {
            return method.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Mail model: cannot read " + method, e);
        }
    }

    private static Object restored(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get(DATE) instanceof String date) {
                return LocalDate.parse(date);
            }
            if (map.size() == 1 && map.get(DATE_TIME) instanceof String dateTime) {
                return LocalDateTime.parse(dateTime);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, restored(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(restored(v)));
            return out;
        }
        return value;
    }
}
