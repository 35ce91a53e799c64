package com.serviceloop.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The input parameters a delegate needs from the task that names it (e.g. the message text the model
 * owns). The deployment gate refuses a model whose task names the delegate without them, so an owner who
 * deletes a text learns it on Deploy, not from an incident.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelInputs {
  String[] value();
}
