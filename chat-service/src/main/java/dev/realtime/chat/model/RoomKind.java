package dev.realtime.chat.model;

/** What a room is for; it decides who may change its membership. */
public enum RoomKind {
    /** Made by a user, who owns it; open or closed. */
    GROUP,
    /** The one conversation of two users, who are both its owners; nobody joins, leaves or is added. */
    DIRECT,
    /** The room of a booking: its owner and the admins. */
    BOOKING
}
