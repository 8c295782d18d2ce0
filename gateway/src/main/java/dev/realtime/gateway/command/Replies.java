package dev.realtime.gateway.command;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.gateway.session.Session;

/** Sends the answers to client frames, from any thread, and counts them. */
@ApplicationScoped
public class Replies {

    private final ServerFrames frames;
    private final GatewayMetrics metrics;

    @Inject
    public Replies(ServerFrames frames, GatewayMetrics metrics) {
        this.frames = frames;
        this.metrics = metrics;
    }

    public ServerFrames frames() {
        return frames;
    }

    public void send(Session session, FrameType type, byte[] frame) {
        session.send(frame);
        metrics.frameOut(type);
    }

    public void error(Session session, JsonNode id, ErrorCode code, String message) {
        send(session, FrameType.ERROR, frames.error(id, code, message));
    }

    public void channelError(Session session, JsonNode id, String channel, ErrorCode code, String message) {
        send(session, FrameType.ERROR, frames.channelError(id, channel, code, message));
    }
}
