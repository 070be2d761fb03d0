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
 && cp target/directive-tracker-*.jar /workspace/app.jar

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
COPY --from=build --chown=app:app /workspace/app.jar /app/app.jar

USER app
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/app.jar"]
