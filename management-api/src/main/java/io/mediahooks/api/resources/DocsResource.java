package io.mediahooks.api.resources;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** {@code /openapi.json} (the contract, a document written by hand) and {@code /docs} (Swagger UI from the jar). */
public final class DocsResource {

    public static final String OPENAPI_RESOURCE = "/openapi.json";

    private final String openapi;
    private final String docsPage;

    public DocsResource() {
        this.openapi = resource(OPENAPI_RESOURCE);
        String version = swaggerUiVersion();
        this.docsPage = resource("/docs.html").replace("{{swagger-ui}}", "/webjars/swagger-ui/" + version);
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::openapi);
        routes.get("/docs", this::docs);
    }

    private void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    private void docs(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(docsPage);
    }

    /** The document, as the contract test reads it. */
    public static String openapiDocument() {
        return resource(OPENAPI_RESOURCE);
    }

    private static String resource(String name) {
        try (InputStream in = DocsResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsResource.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
