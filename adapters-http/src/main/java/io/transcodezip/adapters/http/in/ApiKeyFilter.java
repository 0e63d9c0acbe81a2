package io.transcodezip.adapters.http.in;

import io.transcodezip.core.domain.Tenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /api/v1} call needs {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. */
class ApiKeyFilter {

    static final String API_PREFIX = "api/v1";

    @Inject
    ApiKeys keys;

    @Inject
    RequestTenant requestTenant;

    @ServerRequestFilter
    Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = keys.tenantOf(presentedKey(request));
        if (tenant.isEmpty()) {
            return Optional.of(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                            "send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"transcodezip\"").build());
        }
        requestTenant.set(tenant.get());
        return Optional.empty();
    }

    private static String presentedKey(ContainerRequestContext request) {
        String apiKey = request.getHeaderString("X-API-Key");
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
