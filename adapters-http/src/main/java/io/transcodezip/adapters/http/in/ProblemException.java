package io.transcodezip.adapters.http.in;

/** Ends a request with a problem answer; thrown by the resources for bad input. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException field(String field, String message) {
        return new ProblemException(Problem.invalid(java.util.List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
