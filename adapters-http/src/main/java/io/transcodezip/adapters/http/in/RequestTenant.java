package io.transcodezip.adapters.http.in;

import io.transcodezip.core.domain.Tenant;
import jakarta.enterprise.context.RequestScoped;

/** The tenant the current request's API key belongs to; set by {@link ApiKeyFilter}. */
@RequestScoped
class RequestTenant {

    private Tenant tenant;

    void set(Tenant tenant) {
        this.tenant = tenant;
    }

    Tenant get() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return tenant;
    }
}
