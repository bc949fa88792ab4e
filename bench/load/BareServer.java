import io.javalin.Javalin;

/**
 * The ceiling for the load benchmark: the agent's HTTP stack (Javalin 7 on Jetty 12, virtual threads)
 * with one constant JSON route and nothing else — no auth, no parameter checks, no data.
 * Run: java -cp agent/target/smartcloudops-agent.jar bench/load/BareServer.java PORT
 */
public class BareServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.routes.get("/bare", ctx -> ctx.contentType("application/json").result(body));
        }).start("127.0.0.1", port);
    }
}
