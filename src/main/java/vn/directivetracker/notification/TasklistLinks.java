package vn.directivetracker.notification;

import org.springframework.stereotype.Component;
import vn.directivetracker.common.TrackerProperties;

/** Links into Camunda Tasklist from the public base URL ({@code directive-tracker.base-url}). */
@Component
class TasklistLinks {

    private final String home;

    TasklistLinks(TrackerProperties properties) {
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        this.home = base + "/camunda/app/tasklist/default/";
    }

    String home() {
        return home;
    }

    /** Straight to the task (Tasklist opens it when the user may see it, after login if needed). */
    String task(String taskId) {
        return taskId == null ? home : home + "#/?task=" + taskId;
    }
}
