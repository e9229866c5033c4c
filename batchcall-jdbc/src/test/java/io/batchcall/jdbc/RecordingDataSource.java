package io.batchcall.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Wraps a data source so that every statement prepared or executed on its connections is recorded
 * with the scope its transaction set ({@code set_config} of the account setting): an account, or
 * {@code *} for a read across accounts. Statements of transactions that set no scope (migrations,
 * schema checks) are not recorded.
 */
final class RecordingDataSource {
    private final Set<String> inAccount = ConcurrentHashMap.newKeySet();
    private final Set<String> acrossAccounts = ConcurrentHashMap.newKeySet();

    /** The statements run in one account's transactions. */
    Set<String> inAccount() {
        return inAccount;
    }

    /** The statements run in reads across accounts. */
    Set<String> acrossAccounts() {
        return acrossAccounts;
    }

    /** A data source whose connections record each statement with the account their transaction set. */
    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                });
    }

    private Connection connection(Connection real) {
        String[] scope = {null};
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)) {
                scope[0] = null;
            }
            Object result = invoke(method, real, args);
            if (name.equals("prepareStatement") && args[0] instanceof String sql) {
                if (sql.startsWith("SELECT set_config(?, ?, true)")) {
                    return setting((PreparedStatement) result, scope);
                }
                record(scope[0], sql);
            } else if (name.equals("createStatement")) {
                return statement((Statement) result, scope);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private PreparedStatement setting(PreparedStatement real, String[] scope) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setString") && (int) args[0] == 2) {
                        scope[0] = (String) args[1];
                    }
                    return invoke(method, real, args);
                });
    }

    private Statement statement(Statement real, String[] scope) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql
                            && !sql.startsWith("SET ")) {
                        record(scope[0], sql);
                    }
                    return invoke(method, real, args);
                });
    }

    private void record(String scope, String sql) {
        if (scope == null) {
            return;
        }
        ("*".equals(scope) ? acrossAccounts : inAccount).add(sql);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
