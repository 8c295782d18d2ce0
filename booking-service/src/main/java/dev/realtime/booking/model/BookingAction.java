package dev.realtime.booking.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The named changes of a booking after its creation, each with who may take it and from which state. Nothing else
 * writes a booking's status or payment status.
 */
public enum BookingAction {

    CONFIRM(Actor.ADMIN) {
        @Override
        public boolean allowedFrom(Booking booking) {
            return booking.status == BookingStatus.PENDING;
        }

        @Override
        void change(Booking booking) {
            booking.status = BookingStatus.CONFIRMED;
        }
    },
    /** A paid booking that is cancelled is refunded in the same change. */
    CANCEL(Actor.CUSTOMER_OR_ADMIN) {
        @Override
        public boolean allowedFrom(Booking booking) {
            return booking.status == BookingStatus.PENDING || booking.status == BookingStatus.CONFIRMED;
        }

        @Override
        void change(Booking booking) {
            booking.status = BookingStatus.CANCELLED;
            if (booking.paymentStatus == PaymentStatus.PAID) {
                booking.paymentStatus = PaymentStatus.REFUNDED;
            }
        }
    },
    COMPLETE(Actor.ADMIN) {
        @Override
        public boolean allowedFrom(Booking booking) {
            return booking.status == BookingStatus.CONFIRMED;
        }

        @Override
        void change(Booking booking) {
            booking.status = BookingStatus.COMPLETED;
        }
    },
    /** Simulated: no payment provider is called, the booking is marked paid. */
    PAY(Actor.CUSTOMER) {
        @Override
        public boolean allowedFrom(Booking booking) {
            return ACTIVE.contains(booking.status) && booking.paymentStatus == PaymentStatus.UNPAID;
        }

        @Override
        void change(Booking booking) {
            booking.paymentStatus = PaymentStatus.PAID;
        }
    },
    REFUND(Actor.ADMIN) {
        @Override
        public boolean allowedFrom(Booking booking) {
            return booking.paymentStatus == PaymentStatus.PAID;
        }

        @Override
        void change(Booking booking) {
            booking.paymentStatus = PaymentStatus.REFUNDED;
        }
    };

    private static final Set<BookingStatus> ACTIVE = EnumSet.of(BookingStatus.PENDING, BookingStatus.CONFIRMED);

    /** Who may take an action on a booking that they can see. */
    public enum Actor {
        /** only the booking's own customer */
        CUSTOMER,
        /** only a holder of the admin role */
        ADMIN,
        CUSTOMER_OR_ADMIN;

        public boolean permits(boolean owner, boolean admin) {
            return switch (this) {
                case CUSTOMER -> owner;
                case ADMIN -> admin;
                case CUSTOMER_OR_ADMIN -> owner || admin;
            };
        }
    }

    private final Actor actor;

    BookingAction(Actor actor) {
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

    /** The action's name in the API path, for example {@code confirm}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the booking's current status and payment status allow this action. */
    public abstract boolean allowedFrom(Booking booking);

    abstract void change(Booking booking);

    /** Takes the action; the caller has checked {@link #allowedFrom}. */
    public void applyTo(Booking booking) {
        if (!allowedFrom(booking)) {
            throw new IllegalStateException(this + " is not allowed from " + booking.status + "/" + booking.paymentStatus);
        }
        change(booking);
    }
}
