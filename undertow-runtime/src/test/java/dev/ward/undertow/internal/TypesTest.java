package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypesTest {
    @SuppressWarnings("unused")
    private List<UUID> uuids;
    @SuppressWarnings("unused")
    private Map<String, List<Set<UUID>>> nested;
    @SuppressWarnings("unused")
    private Optional<Map.Entry<String, UUID>> entry;

    @Test
    void equalsTheJdksOwnTypesBothWaysWithTheSameHash() throws Exception {
        assertSame(javaType("uuids"), Types.list(UUID.class));
        assertSame(javaType("nested"), Types.map(Types.list(Types.set(UUID.class))));
        assertSame(javaType("entry"), Types.optional(Types.parameterized(Map.Entry.class, String.class, UUID.class)));
    }

    @Test
    void differsWhereTheTypesDiffer() {
        assertNotEquals(Types.list(UUID.class), Types.set(UUID.class));
        assertNotEquals(Types.list(UUID.class), Types.list(String.class));
        assertNotEquals(Types.list(UUID.class), List.class);
    }

    @Test
    void namesItselfLikeTheJdk() throws Exception {
        assertEquals("java.util.Map<java.lang.String, java.util.List<java.util.Set<java.util.UUID>>>",
                Types.map(Types.list(Types.set(UUID.class))).getTypeName());
        assertEquals(javaType("nested").getTypeName(), Types.map(Types.list(Types.set(UUID.class))).getTypeName());
    }

    @Test
    void refusesTheWrongNumberOfTypeArguments() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Types.parameterized(Map.class, String.class));
        assertEquals("java.util.Map takes 2 type arguments, not 1", refused.getMessage());
    }

    @Test
    void doesNotShareItsArguments() {
        ParameterizedType list = Types.list(UUID.class);
        list.getActualTypeArguments()[0] = String.class;
        assertEquals(UUID.class, list.getActualTypeArguments()[0]);
    }

    private static void assertSame(Type jdk, Type ours) {
        assertEquals(jdk, ours);
        assertEquals(ours, jdk);
        assertEquals(jdk.hashCode(), ours.hashCode());
    }

    private static Type javaType(String field) throws NoSuchFieldException {
        return TypesTest.class.getDeclaredField(field).getGenericType();
    }
}
