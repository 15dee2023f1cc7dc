package io.mediahooks.reliability;

import java.nio.file.Path;

/** What the ITs run the scenarios with: the packaged jars of this build, a directory of their own. */
public final class ItContexts {

    private ItContexts() {
    }

    /** A reduced-size context whose logs go to {@code reliability/target/reliability-it/}. */
    public static SuiteContext context() {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        return new SuiteContext(true, repository, repository.resolve("event-router/target/event-router.jar"),
                repository.resolve("delivery-worker/target/delivery-worker.jar"),
                repository.resolve("management-api/target/management-api.jar"),
                repository.resolve("reliability/target/reliability-it"), new SecretsUsed());
    }
}
