package io.windlass.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.windlass.rpc.RpcMethod;
import io.windlass.rpc.RpcReply;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A compute host stood in for at the RPC edge, for API requests that call it and wait: the request
 * is sent, the host's call is answered as the test says, and the test sees both sides.
 */
public final class StubbedHost {
    private final String host;
    private final ObjectMapper json;

    /** What the API answered, and the arguments of the call it made. */
    public record Served(Response response, JsonNode args) {
    }

    public StubbedHost(String host, ObjectMapper json) {
        this.host = host;
        this.json = json;
    }

    /** Sends {@code request}, expects one call of {@code method} on {@code compute.<host>} and answers it. */
    public Served serve(RpcMethod<?> method, Supplier<Response> request, RpcReply answer) throws Exception {
        try (RpcQueueProbe probe = RpcQueueProbe.on("compute." + host, json)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            RpcQueueProbe.Received call = probe.next(Duration.ofSeconds(5));
            assertEquals(method.name(), call.envelope().method());
            probe.reply(call, answer);
            return new Served(response.get(), call.envelope().args());
        }
    }

    /** The host's answer {@code result}. */
    public RpcReply answer(Object result) {
        return new RpcReply(result == null ? null : json.valueToTree(result), null);
    }

    /** The host's refusal, named as the agent names it. */
    public static RpcReply refusal(String type, String message) {
        return new RpcReply(null, new RpcReply.RemoteError(type, message));
    }
}
