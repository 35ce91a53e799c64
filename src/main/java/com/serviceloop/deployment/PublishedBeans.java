package com.serviceloop.deployment;

import com.serviceloop.common.ModelInputs;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.MethodMetadata;

/**
 * The Spring beans a model may name in an expression: every JavaDelegate, TaskListener and
 * ExecutionListener the project itself defines (a class in com.serviceloop, or a {@code @Bean} method of
 * one), plus a short explicit list of helpers the models call (the working-time calendar). A helper who
 * adds a delegate publishes it by writing it; nothing else in the application context is reachable from
 * a model — neither at deploy time (the gate) nor at run time (the engine's expression manager only
 * resolves these names).
 */
public final class PublishedBeans {

  public static final String PROJECT_PACKAGE = "com.serviceloop.";
  /** Not delegates, but called from the models' expressions (processes/*.bpmn). */
  public static final List<String> EXPLICIT = List.of("workingTimeCalendar");
  private static final List<Class<?>> DELEGATE_TYPES =
      List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private final ApplicationContext context;
  private final Set<String> names;
  private final Set<String> allBeanNames;

  private PublishedBeans(ApplicationContext context, Set<String> names, Set<String> allBeanNames) {
    this.context = context;
    this.names = names;
    this.allBeanNames = allBeanNames;
  }

  /** Reads the bean definitions only: no bean is created here (this runs while the engine is being built). */
  public static PublishedBeans of(ApplicationContext context, List<String> explicit) {
    ConfigurableListableBeanFactory factory = ((ConfigurableApplicationContext) context).getBeanFactory();
    Set<String> names = new TreeSet<>();
    for (Class<?> type : DELEGATE_TYPES) {
      for (String name : factory.getBeanNamesForType(type, true, false)) {
        if (definedByProject(factory, name)) {
          names.add(name);
        }
      }
    }
    for (String name : explicit) {
      if (factory.containsBean(name)) {
        names.add(name);
      }
    }
    Set<String> all = new LinkedHashSet<>(List.of(factory.getBeanDefinitionNames()));
    all.addAll(List.of(factory.getSingletonNames()));
    return new PublishedBeans(context, Set.copyOf(names), Set.copyOf(all));
  }

  private static boolean definedByProject(ConfigurableListableBeanFactory factory, String name) {
    if (!factory.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition definition = factory.getBeanDefinition(name);
    if (definition instanceof AnnotatedBeanDefinition annotated) {
      MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
      if (factoryMethod != null) {
        return factoryMethod.getDeclaringClassName().startsWith(PROJECT_PACKAGE);
      }
    }
    String className = definition.getBeanClassName();
    return className != null && className.startsWith(PROJECT_PACKAGE);
  }

  public boolean isPublished(String name) {
    return names.contains(name);
  }

  /** A bean of the application context that is not published to models (named in refusals). */
  public boolean isUnpublishedBean(String name) {
    return !names.contains(name) && allBeanNames.contains(name);
  }

  /** The input parameters a published delegate declares it needs ({@link ModelInputs}); none for other beans. */
  public List<String> requiredInputs(String name) {
    if (!names.contains(name)) {
      return List.of();
    }
    Class<?> type = ((ConfigurableApplicationContext) context).getBeanFactory().getType(name, false);
    ModelInputs inputs = type == null ? null : type.getAnnotation(ModelInputs.class);
    return inputs == null ? List.of() : List.of(inputs.value());
  }

  public Set<String> names() {
    return names;
  }

  /**
   * The engine's beans map (SpringExpressionManager resolves only its keys): the published names, each
   * bean fetched from the context when an expression first needs it.
   */
  public Map<Object, Object> asBeansMap() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
        names.forEach(name -> entries.add(new SimpleImmutableEntry<>(name, context.getBean(name))));
        return entries;
      }
    };
  }
}
