package dev.realtime.gateway.signals;

/** Takes the signals of the other replicas, on the {@link SignalsThread}. Typing and presence are the two. */
public interface SignalListener {

    void received(Signal signal, long receivedAtMillis);
}
