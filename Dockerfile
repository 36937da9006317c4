# syntax=docker/dockerfile:1
#
# Warden's container image: the Quarkus fast-jar on a JRE 17, as a non-root user, on a read-only root file system,
# with an AppCDS archive made by this image's own JVM. README.md ("Deploying: container and Kubernetes") quotes these
# two commands exactly, and DockerfileTest checks that it does:
#
#   build: docker build -t warden:latest .
#   run:   docker run --rm --read-only --tmpfs /tmp -p 8080:8080 -p 9000:9000 -e WARDEN_DATABASE_URL=postgresql://db.internal:5432/warden -e WARDEN_DATABASE_USERNAME=warden -e WARDEN_DATABASE_PASSWORD warden:latest
#
# Both base images are pinned by tag and digest, so a rebuild gets the same bits. To move to a newer JRE, take both
# digests from `docker buildx imagetools inspect <image>:<tag>` and change tag and digest together.

FROM eclipse-temurin:17-jdk-jammy@sha256:723151f3fc88ca2060153ee08ab8dbbea7983d6ed6f2622fe440acf178737c94 AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY openapi openapi
COPY adapters adapters
COPY src/main src/main
# Maven's downloads stay in a build cache between builds. appcds.enabled builds in Quarkus' AppCDS stop point (the
# training run below ends there, before anything connects); the archive Maven makes with this JDK is not used: the
# runtime stage makes its own.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -Dmaven.test.skip=true -Dquarkus.package.jar.appcds.enabled=true

FROM eclipse-temurin:17-jre-jammy@sha256:475d8e96b4b2bfe08999e5e854755c773af1581acdf959a4545d88f0696a2339
# A numeric user (Kubernetes' runAsNonRoot can only verify a numeric one) that owns nothing in the image but the
# embedded database's home, which is only used when an operator mounts a volume there.
RUN groupadd --system --gid 10001 warden \
    && useradd --system --uid 10001 --gid 10001 --home-dir /deployments --no-create-home \
        --shell /usr/sbin/nologin warden \
    && mkdir -p /deployments/config /var/lib/warden \
    && chown 10001:10001 /var/lib/warden
WORKDIR /deployments
# Least-changing layers first: libraries, then the runner, then the application.
COPY --from=build /build/target/quarkus-app/lib/ /deployments/quarkus-app/lib/
COPY --from=build /build/target/quarkus-app/quarkus-run.jar /deployments/quarkus-app/
COPY --from=build /build/target/quarkus-app/quarkus/ /deployments/quarkus-app/quarkus/
COPY --from=build /build/target/quarkus-app/app/ /deployments/quarkus-app/app/
# The AppCDS training run: this image's JVM starts Warden in Quarkus' generation mode, which stops once the application
# is initialised, and writes the classes it loaded to the archive at exit. An archive only works with the JVM and the
# jar files that made it, so it is made here, on the final layers, and never copied from the build stage.
RUN java -XX:MaxRAMPercentage=75.0 -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Xlog:cds=off \
        -Dquarkus.appcds.generate=true -jar /deployments/quarkus-app/quarkus-run.jar \
    && test -s /deployments/app-cds.jsa
# No embedded PostgreSQL in a container unless an operator turns it on (WARDEN_EMBEDDED_ENABLED=true) with a volume
# at /var/lib/warden: without WARDEN_DATABASE_URL, start-up stops with a line naming both settings. Logs are JSON.
ENV WARDEN_EMBEDDED_ENABLED=false \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
USER 10001:10001
# 8080: the API. 9000: the management interface (health, metrics, the contract): keep it inside the cluster.
EXPOSE 8080 9000
# The heap follows the container's memory limit. Writes go only to /tmp (mount a tmpfs or emptyDir) and, with the
# embedded database, to /var/lib/warden. Extra JVM options: JDK_JAVA_OPTIONS. Configuration:
# /deployments/config/application.properties and environment variables.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/deployments/app-cds.jsa", "-Dwarden.home=/var/lib/warden", "-jar", "/deployments/quarkus-app/quarkus-run.jar"]
