package io.transcodezip.core.port.in;

import io.transcodezip.core.domain.JobState;

/** A link was asked for a job that has none. */
public class JobNotReadyException extends RuntimeException {

    private final JobState state;

    public JobNotReadyException(JobState state) {
        super("the job is " + state + ", not READY: it has no download URL");
        this.state = state;
    }

    public JobState state() {
        return state;
    }
}
