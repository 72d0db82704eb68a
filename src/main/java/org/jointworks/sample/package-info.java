/**
 * A deterministic synthetic Xinxiang for the 2023 programme: the plan's eleven districts on
 * street grids near their real seats, 138 communities whose households, buildings and floor area
 * add up to the plan's table exactly, pipelines of the six utilities under the streets, 2023 works
 * with deliberate "dig twice" conflicts, and neighbourhood facilities. Everything but the table is
 * invented and marked 示例 (sample).
 *
 * <p>The same generator scales to hundreds of thousands of features for benchmarks; it streams
 * features to a {@link org.jointworks.sample.FeatureSink}, so memory holds the plan of the city
 * (a few primitive arrays) but never its features. Plain Java over JTS and proj4j, no Spring.
 *
 * <p>Data flow: {@link org.jointworks.sample.CityPlan} apportions the table over communities
 * ({@link org.jointworks.sample.CommunityTable}), lays out each district's
 * {@link org.jointworks.sample.StreetGrid} and {@link org.jointworks.sample.BlockFill} and places
 * the districts apart; {@link org.jointworks.sample.DistrictEmitter},
 * {@link org.jointworks.sample.PipelineEmitter} and {@link org.jointworks.sample.WorkPlanner}
 * turn the plan into features; {@link org.jointworks.sample.SampleCityGenerator} writes them as
 * GeoJSON and {@link org.jointworks.sample.SampleCity} keeps them in memory.
 */
package org.jointworks.sample;
