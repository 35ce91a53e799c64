package com.serviceloop.deployment;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The model policy at run time: expressions resolve only the published beans (Camunda's beans map), and
 * no expression reaches reflection ({@code getClass()}, {@code .class}, {@code forName}, …) on any object,
 * whatever the model says or a variable contains. The deploy gate refuses such models up front; this is
 * the second line. (The EL resolver types are the engine's shaded JUEL; there is no public alternative.)
 */
public class RestrictedExpressionManager extends SpringExpressionManager {

  public RestrictedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> publishedBeans) {
    super(applicationContext, publishedBeans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new NoReflection());
    resolver.add(super.createElResolver());
    return resolver;
  }

  /** Resolves nothing; refuses the forbidden members (ExpressionPolicy.FORBIDDEN_MEMBERS) on any object. */
  static final class NoReflection extends ELResolver {

    private static void refuse(Object base, Object member) {
      if (base != null && member instanceof String name && ExpressionPolicy.FORBIDDEN_MEMBERS.contains(name)) {
        throw new ELException("'" + name + "' is not allowed in expressions (model policy, docs/decisions.md)");
      }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      refuse(base, method);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      refuse(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
