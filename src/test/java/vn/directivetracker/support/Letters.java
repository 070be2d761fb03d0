package vn.directivetracker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.directive.DirectiveRequest;

/**
 * Issues letters through an application JVM's public HTTP APIs only, as the people would: the
 * coordinator submits ({@code POST /api/directives}), then the office leader approves, the chairman
 * signs and the clerk registers and issues, each claiming and completing their Tasklist task through
 * the engine REST API. The database is only read (to find the issuing process instance).
 */
public final class Letters {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Letters() {}

    /** A one-item letter to every agency of the registry (~170 assignments). */
    public static DirectiveRequest toEveryAgency(String subject) {
        return DirectiveFixtures.directive(subject, List.of("ALL_AGENCIES"),
                DirectiveFixtures.itemDueIn(10, "1", "Triển khai nhiệm vụ thử nghiệm chịu lỗi", List.of("ALL_AGENCIES"), List.of()));
    }

    /** Submits, approves and signs; returns the directive id with the clerk's issuing task still open. */
    public static long submitAndSign(AppJvm app, JdbcClient db, DirectiveRequest request) {
        try {
            HttpResponse<String> created = app.post("dieuphoi", "/api/directives", JSON.writeValueAsString(request));
            require(created, 201);
            long id = JSON.readTree(created.body()).get("id").asLong();
            String pi = db.sql("select issuance_process_instance_id from directive where id = ?").param(id).query(String.class).single();
            complete(app, "lanhdaovp", pi, "ReviewDraft", "{\"reviewDecision\":{\"value\":\"APPROVE\"}}");
            complete(app, "lanhdaoubnd", pi, "SignDirective", "{\"signDecision\":{\"value\":\"APPROVE\"}}");
            return id;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clerk registers and issues: from here on the fan-out is the job executors' work. */
    public static void issue(AppJvm app, JdbcClient db, long directiveId) {
        String pi = db.sql("select issuance_process_instance_id from directive where id = ?").param(directiveId).query(String.class).single();
        complete(app, "vanthu", pi, "RegisterAndIssue", "{\"registered\":{\"value\":true}}");
    }

    public static long submitAndIssue(AppJvm app, JdbcClient db, DirectiveRequest request) {
        long id = submitAndSign(app, db, request);
        issue(app, db, id);
        return id;
    }

    static void complete(AppJvm app, String user, String processInstanceId, String taskKey, String variables) {
        try {
            HttpResponse<String> tasks = app.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&taskDefinitionKey=" + taskKey);
            require(tasks, 200);
            JsonNode list = JSON.readTree(tasks.body());
            if (list.size() != 1) {
                throw new AssertionError(user + " sees " + list.size() + " " + taskKey + " tasks in " + processInstanceId);
            }
            String task = list.get(0).get("id").asText();
            require(app.post(user, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}"), 204);
            require(app.post(user, "/engine-rest/task/" + task + "/complete", "{\"variables\":" + variables + "}"), 204);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " → " + response.statusCode()
                    + ": " + response.body());
        }
    }
}
