package dev.trafficengineer.core.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API server does to a custom resource as it decodes it, before validating it: a null in a
 * field that is not nullable is dropped (or replaced by the field's default), and every absent
 * field with a schema default gets it, at every level, defaults included.
 */
final class Defaulting {

  private Defaulting() {}

  @SuppressWarnings("unchecked")
  static void apply(Object value, SchemaNode schema) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      for (Map.Entry<String, SchemaNode> property : schema.properties.entrySet()) {
        String name = property.getKey();
        SchemaNode child = property.getValue();
        boolean present = map.containsKey(name);
        if (present && map.get(name) == null && !child.nullable) {
          if (child.defaultValue != null) {
            map.put(name, PlainValues.copy(child.defaultValue));
          } else {
            map.remove(name);
          }
        } else if (!present && child.defaultValue != null) {
          map.put(name, PlainValues.copy(child.defaultValue));
        }
      }
      for (String name : new ArrayList<>(map.keySet())) {
        SchemaNode child = schema.property(name);
        if (child != null) {
          apply(map.get(name), child);
        }
      }
    } else if (value instanceof List<?> list && schema.items != null) {
      for (Object item : (List<Object>) list) {
        apply(item, schema.items);
      }
    }
  }
}
