package org.jointworks.limits;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link InputLimits} in force: the static {@link Limits} the readers consult, and the
 * JSON parser of every request body and import. Spring Boot's own mapper builder starts from a
 * factory with Jackson's defaults (nesting 500, strings of 20 million characters), which a
 * customizer cannot change afterwards; this builder starts from a factory with ours and then
 * applies every customizer exactly as Spring Boot's would, so the one {@code JsonMapper} of the
 * application (MVC's converters, the imports' streaming parser) parses under the limits. Dates
 * in bodies are read by {@link IsoDates}: ISO strings only.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {
  LimitsConfiguration(InputLimits limits) {
    Limits.use(limits);
  }

  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(InputLimits limits,
      ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.jsonDepth())
            .maxStringLength(limits.jsonStringChars())
            .maxNameLength(Math.min(limits.jsonStringChars(), 50_000))
            .maxDocumentLength(Math.max(limits.uploadBytes(), limits.bodyBytes()))
            .build())
        .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory);
    List<JsonMapperBuilderCustomizer> ordered = customizers.orderedStream().toList();
    ordered.forEach(c -> c.customize(builder));
    return builder.addModule(IsoDates.module());
  }
}
