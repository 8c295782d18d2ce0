package dev.realtime.booking.service;

/**
 * Who makes a request, as the service's rules need it.
 *
 * @param subject the JWT subject
 * @param admin   whether the caller holds the admin role ({@code booking.admin-role})
 */
public record Caller(String subject, boolean admin) {
}
