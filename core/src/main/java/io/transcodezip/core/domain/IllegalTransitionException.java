package io.transcodezip.core.domain;

/** A job was asked to do something its state does not allow (cancel a finished job, retry a ready one). */
public class IllegalTransitionException extends IllegalStateException {

    private final JobState from;
    private final String action;

    public IllegalTransitionException(JobState from, String action) {
        super("cannot " + action + " a job that is " + from);
        this.from = from;
        this.action = action;
    }

    public JobState from() {
        return from;
    }

    public String action() {
        return action;
    }
}
