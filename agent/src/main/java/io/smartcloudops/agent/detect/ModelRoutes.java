package io.smartcloudops.agent.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model the agent started with, as people read it: {@code GET /model} (the model card from
 * {@code model.json} beside the model file, and the names of the evaluation reports) and
 * {@code GET /model/reports/{name}} (one report image from {@code reports/} beside it).
 */
public final class ModelRoutes implements RouteGroup {

    private static final Pattern REPORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\.png");

    private final Path modelFile;
    private final Clock clock;

    public ModelRoutes(Path modelFile, Clock clock) {
        this.modelFile = modelFile;
        this.clock = clock;
    }

    private Path cardFile() {
        return modelFile.resolveSibling("model.json");
    }

    private Path reportsDir() {
        return modelFile.resolveSibling("reports");
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/model", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            ctx.json(card());
        });
        routes.get("/model/reports/{name}", Role.VIEWER, ctx -> {
            RequestParams.of(ctx, clock);
            String name = ctx.pathParam("name");
            if (!REPORT_NAME.matcher(name).matches()) {
                throw ApiException.badParameter("name", "must be a report file name like nab.png");
            }
            Path file = reportsDir().resolve(name);
            if (!Files.isRegularFile(file)) {
                throw ApiException.notFound("no report " + name + " (reports: " + String.join(", ", reports()) + ")");
            }
            ctx.contentType("image/png").result(Files.readAllBytes(file));
        });
    }

    private ModelCard card() {
        Path file = cardFile();
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("this agent has no model card: " + file.toAbsolutePath()
                    + " does not exist (detect.model names the model file; every host then learns on its own)");
        }
        try {
            JsonNode card = Json.mapper().readTree(file.toFile());
            return new ModelCard(modelFile.toString(), card, reports());
        } catch (IOException e) {
            throw new ApiException(500, "model card unreadable", file + ": " + e.getMessage());
        }
    }

    private List<String> reports() {
        if (!Files.isDirectory(reportsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reportsDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> REPORT_NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
