package dev.trafficengineer.mcp;

/**
 * One core operation offered as an MCP tool: what an assistant reads about it, the request record
 * its arguments bind to, the call, and the result as readable text. Its JSON schemas are resources:
 * {@code mcp/input/<name>.json} for the arguments and {@code mcp/output/<Result>.json} for the
 * structured result.
 */
abstract class CoreTool<I extends Record, O extends Record> {
  private final String name;
  private final String title;
  private final Class<I> requestType;
  private final Class<O> resultType;

  CoreTool(String name, String title, Class<I> requestType, Class<O> resultType) {
    this.name = name;
    this.title = title;
    this.requestType = requestType;
    this.resultType = resultType;
  }

  final String name() {
    return name;
  }

  final String title() {
    return title;
  }

  final Class<I> requestType() {
    return requestType;
  }

  final Class<O> resultType() {
    return resultType;
  }

  /** When to call the tool, what it returns and what to do next, written for an assistant. */
  abstract String description();

  /**
   * Whether the tool may reach something outside the server (MCP's openWorldHint); most tools only
   * compute from their arguments.
   */
  boolean openWorld() {
    return false;
  }

  /**
   * Whether the tool changes nothing anywhere (MCP's readOnlyHint). Front ends gate on it: a
   * read-only chat offers only these tools.
   */
  boolean readOnly() {
    return true;
  }

  /**
   * Whether the tool may destroy or overwrite something (MCP's destructiveHint): the chat asks the
   * person before running one.
   */
  boolean destructive() {
    return false;
  }

  /**
   * The text of the error result for a failure the caller can act on (the cluster refused or did
   * not answer), or null for a fault inside the server.
   */
  String failure(RuntimeException e) {
    return null;
  }

  abstract O call(I request);

  /**
   * The call for {@code caller}; only the tools that need to know who calls (the cluster writes,
   * which ask the person) look at it.
   */
  O call(I request, Caller caller) {
    return call(request);
  }

  abstract String text(O result);
}
