package io.transcodezip.adapters.http.in;

import io.transcodezip.core.domain.IllegalTransitionException;
import io.transcodezip.core.port.in.FreshUrlUnavailableException;
import io.transcodezip.core.port.in.JobNotFoundException;
import io.transcodezip.core.port.in.JobNotReadyException;
import io.transcodezip.core.port.in.UnknownAccountException;
import io.transcodezip.core.port.out.ConcurrentJobUpdateException;
import io.transcodezip.core.port.out.DuplicateActiveJobException;
import io.transcodezip.core.port.out.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API becomes one problem body; bad input is never a 500. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    Response notFound(JobNotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response unknownAccount(UnknownAccountException e) {
        return Problem.invalid(List.of(new Problem.FieldError("account", e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    Response conflict(IllegalTransitionException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response notReady(JobNotReadyException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response duplicate(DuplicateActiveJobException e) {
        return Problem.of(Response.Status.CONFLICT, e.activeJobId() == null
                ? "another job for the same file and zip name is active"
                : "job " + e.activeJobId() + " for the same file and zip name is active").toResponse();
    }

    @ServerExceptionMapper
    Response raced(ConcurrentJobUpdateException e) {
        return Problem.of(Response.Status.CONFLICT, "the job changed meanwhile; read it and try again").toResponse();
    }

    @ServerExceptionMapper
    Response noFreshUrl(FreshUrlUnavailableException e) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse())
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    Response store(StoreException e) {
        LOG.error("the database failed while answering a request", e);
        if (!e.isTransient()) {
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "the job store failed; it has been logged")
                    .toResponse();
        }
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the job store is unreachable; try again shortly").toResponse()).header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    Response invalid(IllegalArgumentException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "an unexpected error; it has been logged").toResponse();
    }
}
