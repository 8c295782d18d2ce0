package dev.realtime.chat.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.chat.model.RoomMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoomMemberRepository implements PanacheRepositoryBase<RoomMember, RoomMember.Key> {

    public List<RoomMember> listByRoom(UUID roomId) {
        return list("roomId = ?1 order by joinedAt", roomId);
    }
}
