package io.batchcall.benchmarks.dispatch;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts statements executed (each row of a JDBC batch as one, as {@code pg_stat_statements} does)
 * and commits (explicit ones, and every statement run in auto-commit) through a data source: the
 * statement profile where the database has no {@code pg_stat_statements} (H2).
 */
final class CountingDataSource {
    final LongAdder statements = new LongAdder();
    final LongAdder commits = new LongAdder();
    private final DataSource wrapped;

    CountingDataSource(DataSource target) {
        this.wrapped = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object result = call(target, m, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    DataSource dataSource() {
        return wrapped;
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("commit")) {
                        commits.increment();
                    }
                    Object result = call(c, m, args);
                    if (result instanceof Statement s) {
                        return statement(c, s, m.getReturnType());
                    }
                    return result;
                });
    }

    private Object statement(Connection c, Statement s, Class<?> type) {
        int[] batched = {0};
        InvocationHandler h = (proxy, m, args) -> {
            String name = m.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
            }
            boolean executes = name.startsWith("execute");
            Object result = call(s, m, args);
            if (executes) {
                int n = name.equals("executeBatch") || name.equals("executeLargeBatch") ? batched[0] : 1;
                batched[0] = 0;
                statements.add(n);
                if (c.getAutoCommit()) {
                    commits.add(n);
                }
            }
            return result;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
