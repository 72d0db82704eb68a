package org.jointworks.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jointworks.layers.Feature;
import org.jointworks.layers.Layer;

/**
 * A generated sample city held in memory, layer by layer, for tests and benchmarks that want
 * features without files. Each feature is exactly what the GeoJSON files hold (same rounding,
 * same properties, ids from 1 per layer). For cities too big for memory, stream instead with
 * {@link SampleCityGenerator#generate(CityOptions, FeatureSink)}. Immutable.
 */
public record SampleCity(List<Feature> districts, List<Feature> streets, List<Feature> communities,
    List<Feature> facilities, List<Feature> pipelines, List<Feature> works) {

  public SampleCity {
    districts = List.copyOf(districts);
    streets = List.copyOf(streets);
    communities = List.copyOf(communities);
    facilities = List.copyOf(facilities);
    pipelines = List.copyOf(pipelines);
    works = List.copyOf(works);
  }

  /** The plan's city: 138 communities, default seed, the same every time. */
  public static SampleCity plan() {
    return generate(CityOptions.plan());
  }

  public static SampleCity generate(CityOptions options) {
    Map<Layer, List<Feature>> layers = new EnumMap<>(Layer.class);
    for (Layer l : Layer.values()) {
      layers.put(l, new ArrayList<>());
    }
    SampleCityGenerator.generate(options, (layer, f) -> layers.get(layer).add(f));
    return new SampleCity(layers.get(Layer.DISTRICTS), layers.get(Layer.STREETS),
        layers.get(Layer.COMMUNITIES), layers.get(Layer.FACILITIES), layers.get(Layer.PIPELINES),
        layers.get(Layer.WORKS));
  }

  /** The features of one layer. */
  public List<Feature> layer(Layer layer) {
    return switch (layer) {
      case DISTRICTS -> districts;
      case STREETS -> streets;
      case COMMUNITIES -> communities;
      case FACILITIES -> facilities;
      case PIPELINES -> pipelines;
      case WORKS -> works;
      // The sample city has no survey deliverable: its pipelines come without pipe points.
      case PIPE_POINTS -> List.of();
    };
  }
}
