package org.jointworks.ogcapi;

import java.util.List;

/**
 * A bean that publishes collections under {@code /ogcapi}. The layers package's collections come
 * from {@link LayerCollections}; another feature (for example linked areas) declares its own
 * provider bean and its collections appear in the landing page, {@code /collections}, the OpenAPI
 * document and the security rules without changes here.
 */
public interface CollectionProvider {
  List<OgcCollection> collections();
}
