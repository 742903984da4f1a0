package dev.jcoder.coderd.database;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/**
 * JDBI settings shared by every query: text arrays, and API enums stored as their wire values
 * ({@code "active"}, not {@code "ACTIVE"}) so that the database reads like the API.
 */
final class JdbiSetup {
    private JdbiSetup() {}

    static Jdbi configure(Jdbi jdbi) {
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(java.util.UUID.class, "uuid");
        jdbi.registerColumnMapper(new WireEnumColumnMapperFactory());
        jdbi.registerArgument(new WireEnumArgumentFactory());
        return jdbi;
    }

    /** The enum's {@code @JsonValue} accessor, when it has one. */
    static Optional<Method> wireValueAccessor(Class<?> type) {
        if (!type.isEnum()) {
            return Optional.empty();
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private static final class WireEnumColumnMapperFactory implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (wireValueAccessor(raw).isEmpty()) {
                return Optional.empty();
            }
            Method fromValue;
            try {
                fromValue = raw.getMethod("fromValue", String.class);
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
            if (!Modifier.isStatic(fromValue.getModifiers())) {
                return Optional.empty();
            }
            return Optional.of((resultSet, column, context) -> {
                String value = resultSet.getString(column);
                if (value == null) {
                    return null;
                }
                try {
                    return fromValue.invoke(null, value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + raw.getSimpleName() + " value " + value, e);
                }
            });
        }
    }

    private static final class WireEnumArgumentFactory implements ArgumentFactory {
        @Override
        public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
            Class<?> raw = value instanceof Enum<?> constant ? constant.getDeclaringClass() : GenericTypes.getErasedType(type);
            Optional<Method> accessor = wireValueAccessor(raw);
            if (accessor.isEmpty()) {
                return Optional.empty();
            }
            if (value == null) {
                return Optional.of((position, statement, context) -> statement.setNull(position, Types.VARCHAR));
            }
            try {
                String wire = (String) accessor.get().invoke(value);
                return Optional.of((position, statement, context) -> statement.setString(position, wire));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot write enum " + value, e);
            }
        }
    }
}
