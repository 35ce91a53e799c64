package com.serviceloop.complaint.intake;

import java.util.List;

/**
 * The catalogue of complaint categories and their work-order templates (decision
 * {@code complaint-template}): a category is known iff it has at least one template field.
 */
public interface ComplaintTemplates {

  String DECISION_KEY = "complaint-template";

  /** The template fields of a category, in the model's order; empty when the category is unknown. */
  List<TemplateField> fieldsOf(String category);
}
