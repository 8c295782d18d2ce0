package dev.realtime.chat.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.chat.model.Room;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    /** The rooms this user is a member of, newest first. */
    public List<Room> listForMember(String userId) {
        return find("select r from Room r where exists (select 1 from RoomMember m where m.roomId = r.id "
                + "and m.userId = ?1) order by r.createdAt desc", userId).list();
    }

    /**
     * Whether this user may see the room: empty when there is no such room, else whether they are a member. One
     * primary-key lookup and one on the membership's primary key, for the gateway's subscription check.
     */
    public Optional<Boolean> membership(UUID roomId, String userId) {
        List<String> found = getEntityManager().createQuery("select m.userId from Room r left join RoomMember m"
                + " on m.roomId = r.id and m.userId = :user where r.id = :room", String.class)
                .setParameter("room", roomId).setParameter("user", userId)
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0) != null);
    }

    /** The room, if this user is a member of it. */
    public Optional<Room> findForMember(UUID roomId, String userId) {
        return find("select r from Room r where r.id = ?1 and exists (select 1 from RoomMember m where m.roomId = r.id"
                + " and m.userId = ?2)", roomId, userId).firstResultOptional();
    }
}
