package io.mqttharness.load.run;

/**
 * Runs one {@link LoadRequest} in this JVM with Gatling and returns what it measured; also writes
 * {@code load-summary.json}, the {@code .hgrm} file and Gatling's HTML report into the request's report
 * directory.
 */
public final class LoadRunner {

    /**
     * Runs the request to completion (it always ends: every wait has a timeout).
     *
     * @throws LoadException the run could not start or complete (target unreachable, bad parameters); the
     *     message is meant for the user
     */
    public LoadResult run(LoadRequest request, LoadProgressListener progress) throws LoadException {
        throw new LoadException("load runner not implemented yet"); // replaced by the load work in issue 4
    }
}
