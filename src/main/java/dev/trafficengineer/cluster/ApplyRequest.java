package dev.trafficengineer.cluster;

/**
 * A whole route to put in place of the live one (or to create).
 *
 * @param planToken absent: a dry run that returns one; the token of that dry run: applies it
 */
public record ApplyRequest(String yaml, String planToken) {}
