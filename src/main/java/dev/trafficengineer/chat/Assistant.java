package dev.trafficengineer.chat;

import dev.langchain4j.data.message.TextContent;

/**
 * The conversation as langchain4j's AiServices implements it: one message in, one answer out. The
 * message is content, not a String: AiServices reads a String as a prompt template, and a pasted
 * route template's "{{ name }}" would be taken for a variable.
 */
interface Assistant {
  String chat(TextContent message);
}
