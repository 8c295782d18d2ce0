package dev.realtime.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One process of a service. A service runs as one replica or several, each its own JVM on its own port with its own
 * log file; they share the service's database and Kafka, so every replica is a full instance of the service.
 *
 * @param number 1 for the first replica, which listens on the service's own port
 */
public record Replica(Service service, int number, int port) {

    public Replica {
        if (number < 1) {
            throw new IllegalArgumentException("replicas are numbered from 1, not " + number);
        }
    }

    /** The module name for the first replica, {@code <module>-<n>} for the others: the name of its log file. */
    public String name() {
        return number == 1 ? service.module() : service.module() + "-" + number;
    }

    /**
     * The replicas of each service: the first on the service's port, the further ones on the spare ports, handed
     * out to the gateway first and then to the others in start order, so that the second gateway always has the
     * first spare port.
     *
     * @throws IllegalArgumentException if a count is below 1 or there are not enough spare ports
     */
    static Map<Service, List<Replica>> plan(StackPorts ports, Collection<Service> services,
            Map<Service, Integer> counts) {
        int wanted = 0;
        for (Service service : services) {
            int count = counts.getOrDefault(service, 1);
            if (count < 1) {
                throw new IllegalArgumentException(service.module() + " needs at least one replica, not " + count);
            }
            wanted += count - 1;
        }
        if (wanted > ports.spare().size()) {
            throw new IllegalArgumentException(wanted + " replicas beyond the first need as many spare ports, but there"
                    + " are " + ports.spare().size() + ": " + ports.spare());
        }
        Iterator<Integer> spare = ports.spare().iterator();
        Map<Service, List<Replica>> plan = new EnumMap<>(Service.class);
        Stream.concat(Stream.of(Service.GATEWAY), Stream.of(Service.values()).filter(s -> s != Service.GATEWAY))
                .filter(services::contains)
                .forEach(service -> {
                    List<Replica> replicas = new ArrayList<>();
                    replicas.add(new Replica(service, 1, ports.of(service)));
                    for (int number = 2; number <= counts.getOrDefault(service, 1); number++) {
                        replicas.add(new Replica(service, number, spare.next()));
                    }
                    plan.put(service, List.copyOf(replicas));
                });
        return plan;
    }
}
