package com.serviceloop.complaint.intake;

/** One field of a complaint category's work-order template, e.g. billingMonth "账期 Billing month". */
public record TemplateField(String field, String label) {}
