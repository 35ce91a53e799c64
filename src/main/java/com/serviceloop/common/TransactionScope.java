package com.serviceloop.common;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A value kept for the running transaction (an engine command joins Spring's), dropped when it ends. */
public final class TransactionScope {

  private TransactionScope() {}

  /** The value under this key in the running transaction, made by create at first use; null outside a transaction. */
  @SuppressWarnings("unchecked")
  public static <T> T get(Object key, Supplier<T> create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    T value = (T) TransactionSynchronizationManager.getResource(key);
    if (value == null) {
      value = create.get();
      TransactionSynchronizationManager.bindResource(key, value);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
      });
    }
    return value;
  }

  /** Drops the value under this key: the next {@link #get} in the transaction makes it anew. */
  public static void forget(Object key) {
    TransactionSynchronizationManager.unbindResourceIfPossible(key);
  }
}
