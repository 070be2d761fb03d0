#!/usr/bin/env bash
# Measures the embedded default as a newcomer runs it: start-up time, the time to issue the seed
# letter to every agency it names (fan-out of 163 child processes and their assignment emails), and
# the memory (RSS) afterwards. Prints the figures; asserts nothing.
#
#   bench/issue-seed-benchmark.sh            # builds the jar if needed, runs once
#   RUNS=3 bench/issue-seed-benchmark.sh     # several runs, fresh database each time
#   APP_ARGS="--camunda.bpm.history-level=audit" bench/issue-seed-benchmark.sh   # try a setting
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
PORT=${PORT:-18080}
WARM_RUNS=${WARM_RUNS:-3}
# The same options as ./mvnw spring-boot:run (app.jvm.options in pom.xml).
JVM_OPTS=${JVM_OPTS:-$(sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' pom.xml)}
JAR=$(ls target/directive-tracker-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z $JAR ]]; then
  ./mvnw -B -q -DskipTests package
  JAR=$(ls target/directive-tracker-*.jar | grep -v original | head -1)
fi
JAR=$(realpath "$JAR")
api() { curl -sf -u dieuphoi:demo "http://localhost:$PORT$1"; }

echo "jar: $JAR"
echo "jvm: $JVM_OPTS"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d)
  (cd "$work" && exec java $JVM_OPTS -jar "$JAR" --server.port="$PORT" ${APP_ARGS:---directive-tracker.demo.load-demo-scenario=false} > app.log 2>&1) &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  begin=$(date +%s.%N)
  until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 0.2; done
  ready=$(date +%s.%N)
  # The "[DEMO]" directive is off by default (APP_ARGS) so that only the letter is measured.
  # Wait until every assignment's notice went out (the last step of the fan-out).
  expected=0
  for _ in $(seq 1 600); do
    expected=$(api "/api/directives/1" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["assignments"]))' 2>/dev/null || echo 0)
    done_count=$(api "/engine-rest/history/activity-instance/count?activityId=NotifyAgency&finished=true" 2>/dev/null \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])' 2>/dev/null || echo 0)
    [[ $expected -gt 0 && $done_count -ge $expected ]] && break
    sleep 0.5
  done
  figures=$(python3 - "$PORT" <<'PY'
import json, sys, urllib.request, base64
from datetime import datetime
port = sys.argv[1]
def get(path):
    req = urllib.request.Request(f"http://localhost:{port}{path}")
    req.add_header("Authorization", "Basic " + base64.b64encode(b"dieuphoi:demo").decode())
    return json.load(urllib.request.urlopen(req))
t = lambda s: datetime.strptime(s[:23], "%Y-%m-%dT%H:%M:%S.%f")
issue = get("/engine-rest/history/activity-instance?activityId=IssueDirective")[0]
children = get("/engine-rest/history/process-instance?processDefinitionKey=agency-assignment&sortBy=startTime&sortOrder=asc")
notified = get("/engine-rest/history/activity-instance?activityId=NotifyAgency&finished=true&sortBy=endTime&sortOrder=desc&maxResults=1")[0]
start = t(issue["startTime"])
print(f"assignments={len(children)} "
      f"issue_step_s={(t(issue['endTime']) - start).total_seconds():.2f} "
      f"all_children_started_s={(t(children[-1]['startTime']) - start).total_seconds():.2f} "
      f"all_notices_sent_s={(t(notified['endTime']) - start).total_seconds():.2f}")
PY
)
  # Warm: the same letter again through the API (coordinator submits; leaders approve and sign and
  # the clerk issues through the engine REST API), timed from the clerk's click to the last notice.
  warm=$(python3 - "$PORT" "$WARM_RUNS" <<'PY'
import json, sys, time, urllib.request, base64
port, runs = sys.argv[1], int(sys.argv[2])
def call(method, path, user="dieuphoi", body=None):
    req = urllib.request.Request(f"http://localhost:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    req.add_header("Content-Type", "application/json")
    text = urllib.request.urlopen(req).read()
    return json.loads(text) if text else None
seed = json.load(open("src/main/resources/data/examples/seed-directive-gialai-2026.json", encoding="utf-8"))
notified = lambda: call("GET", "/engine-rest/history/activity-instance/count?activityId=NotifyAgency&finished=true")["count"]
figures = []
for _ in range(runs):
    directive = call("POST", "/api/directives", body=seed)["id"]
    before = notified()
    for key, user, variables in [("ReviewDraft", "lanhdaovp", {"reviewDecision": {"value": "APPROVE"}}),
                                 ("SignDirective", "lanhdaoubnd", {"signDecision": {"value": "APPROVE"}}),
                                 ("RegisterAndIssue", "vanthu", {"registered": {"value": True}})]:
        task = call("GET", f"/engine-rest/task?processInstanceBusinessKey={directive}&taskDefinitionKey={key}", user)[0]
        started = time.time()
        call("POST", f"/engine-rest/task/{task['id']}/complete", user, {"variables": variables})
    expected = len(call("GET", "/api/directives/1")["assignments"])  # the seed letter, issued at start-up
    while notified() < before + expected:
        time.sleep(0.05)
    figures.append(f"{time.time() - started:.2f}")
print("warm_issue_to_all_notices_s=" + ",".join(figures))
PY
)
  started=$(grep -ao 'Started DirectiveTrackerApplication in [0-9.]* seconds' "$work/app.log" | grep -o '[0-9.]*' | head -1)
  rss_kb=$(ps -o rss= -p "$(pgrep -P $pid java || echo $pid)" | tail -1 | tr -d ' ')
  printf 'run %d: startup_reported_s=%s health_up_s=%.2f %s rss_mb=%d %s\n' "$run" "$started" \
    "$(echo "$ready - $begin" | bc)" "$figures" "$((rss_kb / 1024))" "$warm"
  kill $pid; wait $pid 2>/dev/null || true
  trap - EXIT
  rm -rf "$work"
done
