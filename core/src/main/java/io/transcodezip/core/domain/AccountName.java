package io.transcodezip.core.domain;

/** The 123pan account (one client id) a job runs under; tokens and call budgets are kept per account. */
public record AccountName(String value) {

    public static final AccountName DEFAULT = new AccountName("default");

    public AccountName {
        Names.require("account", value);
    }

    public static AccountName of(String value) {
        return new AccountName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
