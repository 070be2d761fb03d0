# Directive Tracker — container image (multi-stage).
#   docker build -t directive-tracker .      (or: docker compose up --build, see docker-compose.yml)

# ---- build stage ----------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace

# Wrapper and POM first so the dependency layer is cached between source changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw \
 && (./mvnw -B -q dependency:go-offline || true)

COPY src/ src/
COPY bpmn/ bpmn/
RUN ./mvnw -B -DskipTests package \
 && cp target/directive-tracker-*.jar /workspace/app.jar \
 && java -Djarmode=tools -jar /workspace/app.jar extract --destination /workspace/extracted

# ---- runtime stage --------------------------------------------------------
FROM eclipse-temurin:17-jre
# prod unless the container is started with another SPRING_PROFILES_ACTIVE: the image never runs the
# demo users (password "demo") by accident. prod refuses to start without a strong ADMIN_PASSWORD.
ENV SPRING_PROFILES_ACTIVE=prod \
    LANG=C.UTF-8 \
    TZ=Asia/Ho_Chi_Minh \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"

# Unprivileged user; /app is writable by it (the default profile keeps its H2 files under ./data).
RUN groupadd --system app \
 && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/data \
 && chown -R app:app /app
WORKDIR /app
# The jar extracted (app.jar + lib/): classes load from plain jars instead of jars nested in one.
COPY --from=build --chown=app:app /workspace/extracted/ /app/

USER app
# Class data sharing (ADR 29): one training run starts the context once (an in-memory H2, no demo data,
# no job executor) and writes the classes it loaded into app.jsa; every start then maps them instead of
# loading and verifying them from the jars (start-up ~8-9 s -> ~6 s on 2 cores). Made with this image's
# own JVM and class path, as CDS requires; a JVM that cannot use it starts without it.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
      --spring.profiles.active=default --spring.datasource.url=jdbc:h2:mem:cds-training \
      --directive-tracker.demo.enabled=false --server.port=0 --camunda.bpm.job-execution.enabled=false \
 && rm -rf /app/data/*
EXPOSE 8080
ENTRYPOINT ["java","-XX:SharedArchiveFile=/app/app.jsa","-jar","/app/app.jar"]
