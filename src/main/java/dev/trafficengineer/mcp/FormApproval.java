package dev.trafficengineer.mcp;

import dev.trafficengineer.core.confirm.Approval;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the person through their MCP client: a form (elicitation) whose message restates the change
 * in one line, with one yes/no field. Only an accepted form with the box ticked is a yes; a
 * decline, a dismissal or a client that does not answer applies nothing. The form asks for nothing
 * secret, as MCP requires of form mode.
 */
final class FormApproval implements Approval {
  static final String FIELD = "approve";
  private static final Logger LOG = LoggerFactory.getLogger(FormApproval.class);

  private final McpSyncServerExchange exchange;

  private FormApproval(McpSyncServerExchange exchange) {
    this.exchange = exchange;
  }

  /** The caller behind {@code exchange}: with a form when its client declared form elicitation. */
  static Caller caller(McpSyncServerExchange exchange) {
    String client = exchange.getClientInfo() == null ? "unknown" : exchange.getClientInfo().name();
    return new Caller(
        client, offersForms(exchange.getClientCapabilities()) ? new FormApproval(exchange) : null);
  }

  /**
   * MCP 2025-11-25: an {@code elicitation} capability with no mode in it means form mode, as does
   * one that names {@code form}; a client that declares only {@code url} cannot show a form.
   */
  static boolean offersForms(ClientCapabilities capabilities) {
    if (capabilities == null || capabilities.elicitation() == null) {
      return false;
    }
    ClientCapabilities.Elicitation elicitation = capabilities.elicitation();
    return elicitation.form() != null || elicitation.url() == null;
  }

  @Override
  public Answer ask(String restatement, String details) {
    ElicitRequest request =
        ElicitRequest.builder()
            .message("Apply this change to the cluster?\n" + restatement + "\n\n" + details)
            .requestedSchema(
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of(
                        FIELD,
                        Map.of(
                            "type", "boolean", "title", "Apply: " + restatement, "default", false)),
                    "required",
                    List.of(FIELD)))
            .build();
    ElicitResult result;
    try {
      result = exchange.createElicitation(request);
    } catch (RuntimeException e) {
      LOG.warn("the confirmation form got no answer: {}", e.getMessage());
      return Answer.CANCELLED;
    }
    return switch (result.action()) {
      case ACCEPT ->
          result.content() != null && Boolean.TRUE.equals(result.content().get(FIELD))
              ? Answer.APPROVED
              : Answer.DECLINED;
      case DECLINE -> Answer.DECLINED;
      case CANCEL -> Answer.CANCELLED;
    };
  }
}
