package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.detect.DetectorModel;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.ModelFile;
import io.smartcloudops.agent.detect.ModelFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model} of detect and evaluate: which detector configuration runs (a verified model's, or the built-in one). */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE", description = "model whose configuration to use (default: the built-in one)")
    Path model;

    /** The model's settings (its SHA-256 checked against its model.json), or the built-in ones without {@code --model}. */
    DetectorSettings settings() {
        if (model == null) {
            return DetectorSettings.defaults();
        }
        try {
            DetectorModel m = ModelFile.read(model);
            return m.settings();
        } catch (ModelFileException e) {
            throw new UsageException("--model: " + e.getMessage(), e);
        }
    }

    boolean given() {
        return model != null;
    }
}
