package com.serviceloop.api;

/**
 * One bad input field: its name as the client sent it (e.g. "customerPhone") and what is wrong with it.
 */
public record FieldError(String field, String message) {}
