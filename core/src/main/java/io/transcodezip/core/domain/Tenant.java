package io.transcodezip.core.domain;

/** A caller of the service; it sees and touches only its own jobs. */
public record Tenant(String value) {

    public Tenant {
        Names.require("tenant", value);
    }

    public static Tenant of(String value) {
        return new Tenant(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
