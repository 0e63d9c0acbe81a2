package io.transcodezip.core.port.in;

/**
 * What one tick did.
 *
 * @param claimed   jobs taken for this tick
 * @param called    upstream calls started
 * @param timedOut  jobs ended by their deadline without a call
 * @param released  claimed jobs given back because no call slot was free
 */
public record PollReport(int claimed, int called, int timedOut, int released) {

    public static final PollReport NOTHING = new PollReport(0, 0, 0, 0);

    public PollReport plus(PollReport other) {
        return new PollReport(claimed + other.claimed, called + other.called, timedOut + other.timedOut,
                released + other.released);
    }
}
