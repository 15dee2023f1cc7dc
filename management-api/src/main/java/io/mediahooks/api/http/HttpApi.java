package io.mediahooks.api.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.mediahooks.api.auth.Authenticator;
import io.mediahooks.api.auth.RateLimiter;
import io.mediahooks.model.InvalidRecordException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The HTTP side: Javalin on Jetty 12, the console's static files at {@code /} (no authentication:
 * the browser sends the key with each API call), Swagger UI's files, authentication and the rate
 * limit on every {@code /v1} route, and the one error mapper.
 */
public final class HttpApi {

    public static final String ORGANIZATION_PRINCIPAL = "mediahooks.principal";
    private static final String ADMIN_PREFIX = "/v1/organizations";

    private HttpApi() {
    }

    /** A configured, not yet started server; {@code resources} register their routes. */
    public static Javalin create(Authenticator authenticator, RateLimiter rateLimiter, List<Consumer<RoutesConfig>> resources) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Requests.MAX_BODY_BYTES;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/console";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/docs-assets";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before("/v1/*", ctx -> authenticate(ctx, authenticator, rateLimiter));
            resources.forEach(resource -> resource.accept(config.routes));
            config.routes.exception(ApiProblem.class, ProblemMapper::handle);
            config.routes.exception(InvalidRecordException.class, ProblemMapper::handle);
            config.routes.exception(HttpResponseException.class, ProblemMapper::handle);
            config.routes.exception(Exception.class, ProblemMapper::handleUnexpected);
            config.routes.error(404, ProblemMapper::ensureProblem);
            config.routes.error(405, ProblemMapper::ensureProblem);
        });
    }

    private static void authenticate(Context ctx, Authenticator authenticator, RateLimiter rateLimiter) {
        if (ctx.path().equals(ADMIN_PREFIX) || ctx.path().startsWith(ADMIN_PREFIX + "/")) {
            authenticator.admin(ctx.header("Authorization"));
            return;
        }
        Authenticator.Principal principal = authenticator.organization(ctx.header("Authorization"));
        OptionalLong wait = rateLimiter.tryAcquire(principal.keyId());
        if (wait.isPresent()) {
            throw ApiProblem.rateLimited(wait.getAsLong());
        }
        ctx.attribute(ORGANIZATION_PRINCIPAL, principal);
    }
}
