package io.mediahooks.api.resources;

import io.javalin.http.Context;
import io.mediahooks.api.auth.Authenticator;
import io.mediahooks.model.OrganizationId;

/** The organization the authentication filter found for a request. */
public final class Principals {

    public static final String ATTRIBUTE = io.mediahooks.api.http.HttpApi.ORGANIZATION_PRINCIPAL;

    private Principals() {
    }

    public static OrganizationId organization(Context ctx) {
        Authenticator.Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route " + ctx.path() + " reached without authentication");
        }
        return principal.organizationId();
    }
}
