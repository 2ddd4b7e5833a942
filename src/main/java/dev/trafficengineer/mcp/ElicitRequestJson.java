package dev.trafficengineer.mcp;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;

/**
 * A Jackson mix-in for the SDK's {@code ElicitRequest}: SDK 2.1.0 declares its type id {@code mode}
 * as a separate property and also as the record's own {@code mode} property, which Jackson 3
 * refuses to write ("Conflict between type id property 'mode' and bean property with same name"),
 * so no form could be sent. As an existing property, {@code mode} is written once, by the record.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "mode",
    visible = true,
    defaultImpl = ElicitFormRequest.class)
abstract class ElicitRequestJson {}
