package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplicaTest {

    @Test
    void furtherReplicasTakeTheSparePortsTheGatewayFirst() {
        Map<Service, List<Replica>> plan = Replica.plan(StackPorts.defaults(), EnumSet.allOf(Service.class),
                Map.of(Service.BOOKING, 2, Service.GATEWAY, 3));

        assertEquals(List.of(new Replica(Service.GATEWAY, 1, 8080), new Replica(Service.GATEWAY, 2, 8085),
                new Replica(Service.GATEWAY, 3, 8086)), plan.get(Service.GATEWAY));
        assertEquals(List.of(new Replica(Service.BOOKING, 1, 8083), new Replica(Service.BOOKING, 2, 8087)),
                plan.get(Service.BOOKING));
        assertEquals(List.of(new Replica(Service.AUTH, 1, 8081)), plan.get(Service.AUTH));
        assertEquals(List.of("gateway", "gateway-2", "gateway-3"),
                plan.get(Service.GATEWAY).stream().map(Replica::name).toList());
    }

    @Test
    void aServiceLeftOutHasNoReplicas() {
        Map<Service, List<Replica>> plan = Replica.plan(StackPorts.defaults(), EnumSet.of(Service.AUTH),
                Map.of(Service.GATEWAY, 2));
        assertEquals(Map.of(Service.AUTH, List.of(new Replica(Service.AUTH, 1, 8081))), plan);
    }

    @Test
    void refusesMoreReplicasThanSparePortsAndNoReplicaAtAll() {
        StackPorts oneSpare = new StackPorts(8080, 8081, 8082, 8083, 8084, 9092, 9093, 15432, List.of(8085));
        assertThrows(IllegalArgumentException.class,
                () -> Replica.plan(oneSpare, EnumSet.allOf(Service.class), Map.of(Service.GATEWAY, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> Replica.plan(oneSpare, EnumSet.allOf(Service.class), Map.of(Service.GATEWAY, 0)));
    }
}
