package io.mqttharness.bench;

import io.mqttharness.load.run.LoadException;
import io.mqttharness.load.run.LoadProgressListener;
import io.mqttharness.load.run.LoadRequest;
import io.mqttharness.load.run.LoadResult;

/** Runs one load step; {@code new LoadRunner()::run} in production, a stand-in in tests of failure handling. */
@FunctionalInterface
interface LoadStepRunner {
    LoadResult run(LoadRequest request, LoadProgressListener progress) throws LoadException;
}
