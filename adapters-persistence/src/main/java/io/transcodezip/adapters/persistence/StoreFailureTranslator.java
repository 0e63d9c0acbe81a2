package io.transcodezip.adapters.persistence;

import io.transcodezip.core.domain.Redaction;
import io.transcodezip.core.port.out.StoreException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns what JDBC, Hibernate and the transaction manager throw into the port's {@link StoreException}.
 * It sits outside {@code @Transactional} (a smaller priority), so failures at commit are translated too.
 * The port's own exceptions and argument errors pass unchanged.
 */
@TranslatesStoreFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class StoreFailureTranslator {

    /** SQL states worth another try: connection failures, shutdown, serialization failure, deadlock. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    @AroundInvoke
    Object translate(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("io.transcodezip.") || e instanceof IllegalArgumentException) {
                throw e;
            }
            SQLException sql = sqlCause(e);
            boolean transientFailure = sql == null ? isConnectionTrouble(e) : isTransient(sql.getSQLState());
            throw new StoreException("the database failed in " + call.getMethod().getName() + ": "
                    + Redaction.text(sql != null ? sql.getMessage() : e.getClass().getSimpleName()), transientFailure, e);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static boolean isTransient(String state) {
        return state != null && (TRANSIENT_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))));
    }

    private static boolean isConnectionTrouble(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            if (name.contains("Connection") || name.contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
